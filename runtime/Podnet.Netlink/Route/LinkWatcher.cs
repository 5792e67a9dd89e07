namespace Podnet.Netlink.Route;

/// <summary>
/// Waits for a link to reach a state by listening to <c>RTNLGRP_LINK</c> notifications instead of polling.
/// Create it before making the change you wait for, so no event is missed.
/// </summary>
public sealed class LinkWatcher : IDisposable
{
    private const uint LinkGroup = 1;
    private readonly NetlinkSocket _events;
    private readonly LinkTable _links;

    internal LinkWatcher(NetlinkSocket events, LinkTable links)
    {
        _events = events;
        _links = links;
        _events.Subscribe(LinkGroup);
    }

    /// <summary>
    /// Returns the link with index <paramref name="index"/> once <paramref name="condition"/> holds for it, or throws
    /// <see cref="TimeoutException"/> after <paramref name="timeout"/>.
    /// </summary>
    public LinkMessage WaitFor(int index, Func<LinkMessage, bool> condition, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(condition);
        LinkMessage current = _links.Get(index);
        if (condition(current))
        {
            return current;
        }

        DateTime deadline = DateTime.UtcNow + timeout;
        LinkMessage? match = null;
        while (match is null)
        {
            TimeSpan left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"link {index} did not reach the expected state within {timeout.TotalMilliseconds:F0} ms");
            }

            _events.TryReceive(
                (type, _, body) =>
                {
                    if (type == RouteMessageType.NewLink && match is null)
                    {
                        LinkMessage link = LinkMessage.Read(body);
                        if (link.Index == index && condition(link))
                        {
                            match = link;
                        }
                    }
                },
                left);
        }

        return match;
    }

    /// <summary>Waits until the link is operationally up (<c>IFF_RUNNING</c> / <c>IF_OPER_UP</c>).</summary>
    public LinkMessage WaitUntilUp(int index, TimeSpan timeout) =>
        WaitFor(index, l => l.IsRunning, timeout);

    /// <inheritdoc/>
    public void Dispose() => _events.Dispose();
}
