namespace Podnet.Cni;

/// <summary>
/// <c>CNI_ARGS</c>: <c>KEY=VALUE</c> pairs separated by <c>;</c>. Keys a plugin does not know are an error unless
/// <c>IgnoreUnknown</c> is true, as in libcni's <c>types.LoadArgs</c>.
/// </summary>
public sealed class CniArgs
{
    private readonly Dictionary<string, string> _values;

    private CniArgs(Dictionary<string, string> values, bool ignoreUnknown)
    {
        _values = values;
        IgnoreUnknown = ignoreUnknown;
    }

    /// <summary>No arguments.</summary>
    public static CniArgs Empty { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal), false);

    /// <summary>Whether unknown keys are tolerated.</summary>
    public bool IgnoreUnknown { get; }

    /// <summary>All pairs, in no particular order.</summary>
    public IReadOnlyDictionary<string, string> Values => _values;

    /// <summary>
    /// Parses <c>CNI_ARGS</c>; a pair without exactly one <c>=</c>, or with an empty key, is a decode error (code 6).
    /// Empty segments (<c>A=1;;B=2</c>) are skipped.
    /// </summary>
    public static CniArgs Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return Empty;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string pair in text.Split(';'))
        {
            if (pair.Length == 0)
            {
                continue;
            }

            // libcni's LoadArgs splits on every '=' and wants exactly two parts.
            int eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || pair.IndexOf('=', eq + 1) >= 0)
            {
                throw new CniException(CniErrorCode.DecodingFailure, $"ARGS: invalid pair \"{pair}\"", text);
            }

            values[pair[..eq]] = pair[(eq + 1)..];
        }

        bool ignore = values.TryGetValue("IgnoreUnknown", out string? flag) &&
            (flag.Equals("1", StringComparison.Ordinal) || flag.Equals("true", StringComparison.OrdinalIgnoreCase));
        return new CniArgs(values, ignore);
    }

    /// <summary>The value of <paramref name="key"/>, or <see langword="null"/>.</summary>
    public string? Get(string key) => _values.TryGetValue(key, out string? value) ? value : null;

    /// <summary>Rejects keys outside <paramref name="known"/> unless <see cref="IgnoreUnknown"/> (code 2).</summary>
    public void RejectUnknown(IReadOnlyCollection<string> known)
    {
        if (IgnoreUnknown)
        {
            return;
        }

        foreach (string key in _values.Keys)
        {
            if (key != "IgnoreUnknown" && !known.Contains(key))
            {
                throw new CniException(CniErrorCode.UnsupportedField, $"ARGS: unknown args \"{key}\"", "set IgnoreUnknown=1 in CNI_ARGS to ignore it");
            }
        }
    }
}
