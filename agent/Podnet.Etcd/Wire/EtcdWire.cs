using System.Text.Json;
using System.Text.Json.Serialization;

// The JSON shapes of etcd 3.4's gRPC gateway (proto field names; int64 as strings, bytes as base64), only the fields
// this client reads or writes. Proto3 leaves default values out, so every absent field reads as its default.
namespace Podnet.Etcd.Wire;

internal sealed class ResponseHeader
{
    [JsonPropertyName("member_id")] public ulong MemberId { get; set; }
    [JsonPropertyName("revision")] public long Revision { get; set; }
    [JsonPropertyName("raft_term")] public ulong RaftTerm { get; set; }
}

internal sealed class KeyValue
{
    [JsonPropertyName("key")] public byte[]? Key { get; set; }
    [JsonPropertyName("create_revision")] public long CreateRevision { get; set; }
    [JsonPropertyName("mod_revision")] public long ModRevision { get; set; }
    [JsonPropertyName("version")] public long Version { get; set; }
    [JsonPropertyName("value")] public byte[]? Value { get; set; }
    [JsonPropertyName("lease")] public long Lease { get; set; }
}

internal sealed class RangeRequest
{
    [JsonPropertyName("key")] public byte[]? Key { get; set; }
    [JsonPropertyName("range_end")] public byte[]? RangeEnd { get; set; }
    [JsonPropertyName("limit")] public long Limit { get; set; }
    [JsonPropertyName("revision")] public long Revision { get; set; }
}

internal sealed class RangeResponse
{
    [JsonPropertyName("header")] public ResponseHeader? Header { get; set; }
    [JsonPropertyName("kvs")] public List<KeyValue>? Kvs { get; set; }
    [JsonPropertyName("more")] public bool More { get; set; }
}

internal sealed class PutRequest
{
    [JsonPropertyName("key")] public byte[]? Key { get; set; }
    [JsonPropertyName("value")] public byte[]? Value { get; set; }
    [JsonPropertyName("lease")] public long Lease { get; set; }
}

internal sealed class PutResponse
{
    [JsonPropertyName("header")] public ResponseHeader? Header { get; set; }
}

internal sealed class DeleteRangeRequest
{
    [JsonPropertyName("key")] public byte[]? Key { get; set; }
}

internal sealed class DeleteRangeResponse
{
    [JsonPropertyName("header")] public ResponseHeader? Header { get; set; }
    [JsonPropertyName("deleted")] public long Deleted { get; set; }
}

internal sealed class Compare
{
    [JsonPropertyName("key")] public byte[]? Key { get; set; }

    /// <summary><c>CREATE</c> or <c>MOD</c>.</summary>
    [JsonPropertyName("target")] public string? Target { get; set; }

    /// <summary><c>EQUAL</c>.</summary>
    [JsonPropertyName("result")] public string? Result { get; set; }
    [JsonPropertyName("create_revision")] public long CreateRevision { get; set; }
    [JsonPropertyName("mod_revision")] public long ModRevision { get; set; }
}

internal sealed class RequestOp
{
    [JsonPropertyName("request_range")] public RangeRequest? Range { get; set; }
    [JsonPropertyName("request_put")] public PutRequest? Put { get; set; }
    [JsonPropertyName("request_delete_range")] public DeleteRangeRequest? DeleteRange { get; set; }
}

internal sealed class ResponseOp
{
    [JsonPropertyName("response_range")] public RangeResponse? Range { get; set; }
    [JsonPropertyName("response_put")] public PutResponse? Put { get; set; }
    [JsonPropertyName("response_delete_range")] public DeleteRangeResponse? DeleteRange { get; set; }
}

internal sealed class TxnRequest
{
    [JsonPropertyName("compare")] public Compare[]? Compare { get; set; }
    [JsonPropertyName("success")] public RequestOp[]? Success { get; set; }
    [JsonPropertyName("failure")] public RequestOp[]? Failure { get; set; }
}

/// <summary>A transaction's answer; <c>succeeded</c> is left out when the compare failed.</summary>
internal sealed class TxnResponse
{
    [JsonPropertyName("header")] public ResponseHeader? Header { get; set; }
    [JsonPropertyName("succeeded")] public bool Succeeded { get; set; }
    [JsonPropertyName("responses")] public List<ResponseOp>? Responses { get; set; }
}

internal sealed class CompactionRequest
{
    [JsonPropertyName("revision")] public long Revision { get; set; }
    [JsonPropertyName("physical")] public bool Physical { get; set; }
}

internal sealed class CompactionResponse
{
    [JsonPropertyName("header")] public ResponseHeader? Header { get; set; }
}

/// <summary>Grant (<c>TTL</c>), keep-alive, revoke and time-to-live (<c>ID</c>) requests.</summary>
internal sealed class LeaseRequest
{
    [JsonPropertyName("TTL")] public long Ttl { get; set; }
    [JsonPropertyName("ID")] public long Id { get; set; }
}

/// <summary>Grant, keep-alive and time-to-live responses; <c>TTL</c> is 0 (keep-alive) or -1 (time-to-live) for a lease that does not exist.</summary>
internal sealed class LeaseResponse
{
    [JsonPropertyName("header")] public ResponseHeader? Header { get; set; }
    [JsonPropertyName("ID")] public long Id { get; set; }
    [JsonPropertyName("TTL")] public long Ttl { get; set; }
    [JsonPropertyName("error")] public string? Error { get; set; }
}

internal sealed class StatusRequest;

internal sealed class StatusResponse
{
    [JsonPropertyName("header")] public ResponseHeader? Header { get; set; }
    [JsonPropertyName("version")] public string? Version { get; set; }
    [JsonPropertyName("leader")] public ulong Leader { get; set; }
    [JsonPropertyName("raftTerm")] public ulong RaftTerm { get; set; }
}

internal sealed class WatchCreateRequest
{
    [JsonPropertyName("key")] public byte[]? Key { get; set; }
    [JsonPropertyName("range_end")] public byte[]? RangeEnd { get; set; }
    [JsonPropertyName("start_revision")] public long StartRevision { get; set; }
    [JsonPropertyName("progress_notify")] public bool ProgressNotify { get; set; }
}

internal sealed class WatchRequest
{
    [JsonPropertyName("create_request")] public WatchCreateRequest? Create { get; set; }
}

internal sealed class WatchEvent
{
    /// <summary><c>DELETE</c>, or absent for a put.</summary>
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("kv")] public KeyValue? Kv { get; set; }
}

/// <summary>
/// One watch message. As etcd 3.4.23's gateway answers: first <c>created</c>; a start revision that is compacted
/// then gets <c>canceled</c> with <c>compact_revision</c> (the oldest revision left); a progress notification has
/// only the header; puts leave out <c>type</c>, deletes carry a key with only <c>key</c> and <c>mod_revision</c>.
/// </summary>
internal sealed class WatchResponse
{
    [JsonPropertyName("header")] public ResponseHeader? Header { get; set; }
    [JsonPropertyName("created")] public bool Created { get; set; }
    [JsonPropertyName("canceled")] public bool Canceled { get; set; }
    [JsonPropertyName("compact_revision")] public long CompactRevision { get; set; }
    [JsonPropertyName("cancel_reason")] public string? CancelReason { get; set; }
    [JsonPropertyName("events")] public List<WatchEvent>? Events { get; set; }
}

/// <summary>
/// An error body. Unary calls answer <c>{"error":"text","message":"text","code":N}</c>; a stream that fails after its
/// first message writes <c>{"error":{"grpc_code":N,"http_code":N,"message":"text","http_status":"text"}}</c>.
/// </summary>
internal sealed class ErrorBody
{
    [JsonPropertyName("error")] public JsonElement Error { get; set; }
    [JsonPropertyName("message")] public string? Message { get; set; }
    [JsonPropertyName("code")] public int Code { get; set; }
}

/// <summary>One line of a streaming response: a <c>result</c> or an <c>error</c>.</summary>
internal sealed class StreamMessage<T>
    where T : class
{
    [JsonPropertyName("result")] public T? Result { get; set; }
    [JsonPropertyName("error")] public JsonElement Error { get; set; }
}

[JsonSourceGenerationOptions(
    NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(RangeRequest))]
[JsonSerializable(typeof(RangeResponse))]
[JsonSerializable(typeof(PutRequest))]
[JsonSerializable(typeof(PutResponse))]
[JsonSerializable(typeof(DeleteRangeRequest))]
[JsonSerializable(typeof(DeleteRangeResponse))]
[JsonSerializable(typeof(TxnRequest))]
[JsonSerializable(typeof(TxnResponse))]
[JsonSerializable(typeof(CompactionRequest))]
[JsonSerializable(typeof(CompactionResponse))]
[JsonSerializable(typeof(LeaseRequest))]
[JsonSerializable(typeof(LeaseResponse))]
[JsonSerializable(typeof(StreamMessage<LeaseResponse>))]
[JsonSerializable(typeof(StatusRequest))]
[JsonSerializable(typeof(StatusResponse))]
[JsonSerializable(typeof(WatchRequest))]
[JsonSerializable(typeof(StreamMessage<WatchResponse>))]
[JsonSerializable(typeof(ErrorBody))]
internal sealed partial class EtcdJsonContext : JsonSerializerContext;
