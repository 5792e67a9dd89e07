namespace Podnet.PluginCompare.Reporting;

/// <summary>Order statistics of a sample (percentiles by linear interpolation between closest ranks).</summary>
internal sealed class Summary
{
    private readonly double[] _sorted;

    public Summary(IEnumerable<double> values)
    {
        _sorted = [.. values.Order()];
        if (_sorted.Length == 0)
        {
            throw new ArgumentException("A summary needs at least one value.", nameof(values));
        }
    }

    public int Count => _sorted.Length;

    public double Median => Percentile(50);

    public double P95 => Percentile(95);

    public double Min => _sorted[0];

    public double Max => _sorted[^1];

    public double Mean => _sorted.Average();

    public double Percentile(double p)
    {
        double rank = p / 100.0 * (_sorted.Length - 1);
        int lower = (int)Math.Floor(rank);
        int upper = Math.Min(lower + 1, _sorted.Length - 1);
        return _sorted[lower] + ((rank - lower) * (_sorted[upper] - _sorted[lower]));
    }
}
