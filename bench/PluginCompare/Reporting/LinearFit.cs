namespace Podnet.PluginCompare.Reporting;

/// <summary>Least-squares line through (index, value) points: how a latency grows per pod already on the node.</summary>
internal static class LinearFit
{
    /// <summary>The slope of the least-squares line through (i, values[i]).</summary>
    public static double Slope(IReadOnlyList<double> values)
    {
        int n = values.Count;
        if (n < 2)
        {
            return 0;
        }

        double meanX = (n - 1) / 2.0;
        double meanY = values.Average();
        double covariance = 0, variance = 0;
        for (int i = 0; i < n; i++)
        {
            covariance += (i - meanX) * (values[i] - meanY);
            variance += (i - meanX) * (i - meanX);
        }

        return covariance / variance;
    }
}
