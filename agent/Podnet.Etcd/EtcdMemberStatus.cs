namespace Podnet.Etcd;

/// <summary>What one member reports about itself (<c>/v3/maintenance/status</c>).</summary>
/// <param name="MemberId">The member's id.</param>
/// <param name="LeaderId">The id of the member it believes leads, 0 when it knows no leader.</param>
/// <param name="RaftTerm">Its current raft term.</param>
/// <param name="Revision">Its store revision.</param>
/// <param name="Version">The etcd version it runs.</param>
public sealed record EtcdMemberStatus(ulong MemberId, ulong LeaderId, ulong RaftTerm, long Revision, string Version)
{
    /// <summary>Whether this member is the leader.</summary>
    public bool IsLeader => LeaderId != 0 && LeaderId == MemberId;
}
