namespace Podnet.PluginCompare.Reporting;

/// <summary>One line of the comparison: a metric, both plugins' figures and reference / podnet.</summary>
internal sealed record ReportRow(string Metric, string Reference, string Podnet, string Ratio);
