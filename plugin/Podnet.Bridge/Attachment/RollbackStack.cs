namespace Podnet.Bridge.Attachment;

/// <summary>
/// The undo log of an ADD: every host change pushes its inverse; a failure unwinds them newest first, so an
/// ADD that fails leaves nothing behind (no veth, no address, no IP allocation, no firewall rule).
/// </summary>
internal sealed class RollbackStack
{
    private readonly Stack<(string What, Action Undo)> _steps = new();

    public void Push(string what, Action undo) => _steps.Push((what, undo));

    /// <summary>The ADD succeeded: forget the undo steps.</summary>
    public void Commit() => _steps.Clear();

    /// <summary>Undoes every step, newest first; a step that fails is reported and the rest still run.</summary>
    public void Unwind(TextWriter log)
    {
        while (_steps.TryPop(out (string What, Action Undo) step))
        {
            try
            {
                step.Undo();
            }
#pragma warning disable CA1031 // Every undo step must get its chance whatever the previous one threw.
            catch (Exception e)
#pragma warning restore CA1031
            {
                log.WriteLine($"podnet: rolling back {step.What} failed: {e.Message}");
            }
        }
    }
}
