namespace Podnet.Cni.Tests.Commands.Support;

/// <summary>A fake plugin that records every dispatched request and answers with a configured result or failure.</summary>
internal sealed class RecordingPlugin : ICniPlugin
{
    public const string AboutText = "CNI recording plugin v0.0.1";

    public List<CniRequest> Calls { get; } = [];

    /// <summary>What ADD returns.</summary>
    public ICniResult Result { get; set; } = new Podnet.Cni.Schema.SuccessResult();

    /// <summary>When set, every command throws it after being recorded.</summary>
    public Exception? Failure { get; set; }

    public string About => AboutText;

    public ICniResult Add(CniRequest request)
    {
        Record(request);
        return Result;
    }

    public void Delete(CniRequest request) => Record(request);

    public void Check(CniRequest request) => Record(request);

    public void Status(CniRequest request) => Record(request);

    public void GarbageCollect(CniRequest request) => Record(request);

    private void Record(CniRequest request)
    {
        Calls.Add(request);
        if (Failure is not null)
        {
            throw Failure;
        }
    }
}
