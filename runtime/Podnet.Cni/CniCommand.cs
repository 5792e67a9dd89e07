namespace Podnet.Cni;

/// <summary>The value of <c>CNI_COMMAND</c>.</summary>
public enum CniCommand
{
    /// <summary>Attach a container to the network.</summary>
    Add,

    /// <summary>Detach a container; idempotent.</summary>
    Del,

    /// <summary>Verify an attachment against <c>prevResult</c> (0.4.0 and later).</summary>
    Check,

    /// <summary>Report whether the plugin can service ADD (1.1.0 and later).</summary>
    Status,

    /// <summary>Release every attachment not listed as valid (1.1.0 and later).</summary>
    Gc,

    /// <summary>Report the supported versions.</summary>
    Version,
}
