namespace Podnet.Etcd.Wire;

/// <summary>The gRPC status codes this client tells apart.</summary>
internal static class GrpcCode
{
    public const int DeadlineExceeded = 4;
    public const int NotFound = 5;
    public const int ResourceExhausted = 8;
    public const int OutOfRange = 11;
    public const int Unavailable = 14;
}
