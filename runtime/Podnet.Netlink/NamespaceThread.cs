using System.Runtime.ExceptionServices;

namespace Podnet.Netlink;

/// <summary>
/// Runs work on a new, dedicated OS thread that ends afterwards. <c>setns</c> and <c>unshare</c> change only the
/// calling thread, so a thread that did either must never go back to a pool where unrelated code would run in the
/// wrong namespace.
/// </summary>
internal static class NamespaceThread
{
    /// <summary>Runs <paramref name="action"/> on a fresh thread, waits for it and returns its result or rethrows.</summary>
    public static T Run<T>(string name, Func<T> action)
    {
        T? result = default;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = action();
            }
#pragma warning disable CA1031 // Every exception is handed back to the waiting thread.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
        })
        {
            IsBackground = true,
            Name = name,
        };
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result!;
    }
}
