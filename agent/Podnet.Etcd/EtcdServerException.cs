using Podnet.Etcd.Wire;

namespace Podnet.Etcd;

/// <summary>etcd answered with an error (the gateway's <c>{"error":...,"code":N}</c>).</summary>
public sealed class EtcdServerException : EtcdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">The gRPC status code.</param>
    /// <param name="message">etcd's message, such as <c>etcdserver: requested lease not found</c>.</param>
    public EtcdServerException(int code, string message)
        : base($"{message} (gRPC code {code})") => Code = code;

    /// <summary>The gRPC status code, such as 5 (not found), 11 (out of range: compacted) or 14 (unavailable).</summary>
    public int Code { get; }

    /// <summary>Whether another member may answer where this one could not (unavailable, deadline exceeded, too many requests).</summary>
    public bool IsMemberFailure => Code is GrpcCode.Unavailable or GrpcCode.DeadlineExceeded or GrpcCode.ResourceExhausted;
}
