using System.Net;

namespace Podnet.Agent.Kubernetes;

/// <summary>The API server answered with a failure: an HTTP error status, or a watch <c>ERROR</c> event.</summary>
public sealed class KubernetesApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public KubernetesApiException(int code, string? reason, string message)
        : base(message)
    {
        Code = code;
        Reason = reason;
    }

    /// <summary>Creates the exception.</summary>
    public KubernetesApiException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public KubernetesApiException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public KubernetesApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The HTTP status code (<c>Status.code</c> for a watch <c>ERROR</c> event).</summary>
    public int Code { get; }

    /// <summary>The <c>Status.reason</c> (<c>Expired</c>, <c>Unauthorized</c>, <c>Forbidden</c>, ...), when given.</summary>
    public string? Reason { get; }

    /// <summary>410 Gone: the resourceVersion (or the continue token) is too old; list again.</summary>
    public bool IsExpired => Code == (int)HttpStatusCode.Gone || Reason is "Expired" or "Gone";

    /// <summary>401 or 403: the credentials are wrong or lack a permission.</summary>
    public bool IsAuthorizationFailure => Code is (int)HttpStatusCode.Unauthorized or (int)HttpStatusCode.Forbidden;
}
