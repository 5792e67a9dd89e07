using System.Diagnostics;

namespace Podnet.Bridge.Tests.EndToEnd;

/// <summary>A started plugin process.</summary>
public sealed class RunningPlugin
{
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;
    private readonly Task _stdin;

    internal RunningPlugin(PluginInvocation invocation, Process process)
    {
        Invocation = invocation;
        _process = process;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
        _stdin = WriteStdinAsync(process, invocation.Stdin);
    }

    /// <summary>What was started.</summary>
    public PluginInvocation Invocation { get; }

    /// <summary>Waits for the exit (killing the process after a minute) and collects the output.</summary>
    public PluginOutcome Wait()
    {
        using (_process)
        {
            if (!_process.WaitForExit(PluginRunner.TimeLimit))
            {
                _process.Kill();
                _process.WaitForExit();
                throw new TimeoutException($"the plugin did not exit within {PluginRunner.TimeLimit}: {Invocation}");
            }

            _process.WaitForExit();
            try
            {
                _stdin.GetAwaiter().GetResult();
            }
            catch (IOException)
            {
                // The plugin may exit without reading stdin (for example on a bad environment): a broken pipe is fine.
            }

            return new PluginOutcome(Invocation, _process.ExitCode, _stdout.GetAwaiter().GetResult(), _stderr.GetAwaiter().GetResult());
        }
    }

    private static async Task WriteStdinAsync(Process process, string stdin)
    {
        await using StreamWriter writer = process.StandardInput;
        await writer.WriteAsync(stdin).ConfigureAwait(false);
    }
}
