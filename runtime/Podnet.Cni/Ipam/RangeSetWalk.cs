using System.Net;

namespace Podnet.Cni.Ipam;

/// <summary>
/// The reference's round-robin walk over a range set: start just after the last reserved
/// address (or at the first range's start), go through every range in order, wrap around, and
/// stop on returning to where the walk began. The gateway is skipped.
/// </summary>
internal struct RangeSetWalk
{
    private readonly IReadOnlyList<IpRange> _ranges;
    private int _rangeIndex;
    private UInt128? _current;
    private UInt128? _stop;

    public RangeSetWalk(IpRangeSet rangeSet, IPAddress? lastReserved)
    {
        _ranges = rangeSet.Ranges;
        _rangeIndex = 0;
        _current = null;
        _stop = null;
        if (lastReserved is not null)
        {
            for (int i = 0; i < _ranges.Count; i++)
            {
                if (_ranges[i].Contains(lastReserved))
                {
                    // The first step moves past the last reserved address; it is tried last.
                    _rangeIndex = i;
                    _current = IpAddressValue.ToValue(IpAddressValue.Canonicalize(lastReserved));
                    return;
                }
            }
        }

        _stop = _ranges[0].StartValue;
    }

    /// <summary>The next candidate, or false once every address has been offered.</summary>
    public bool TryNext(out IpRange range, out UInt128 value)
    {
        while (true)
        {
            range = _ranges[_rangeIndex];
            if (_current is null)
            {
                _current = range.StartValue;
                _stop = _current;
            }
            else
            {
                if (_current.Value == range.EndValue)
                {
                    _rangeIndex = (_rangeIndex + 1) % _ranges.Count;
                    range = _ranges[_rangeIndex];
                    _current = range.StartValue;
                }
                else
                {
                    _current = _current.Value + 1;
                }

                if (_stop is null)
                {
                    _stop = _current;
                }
                else if (_current.Value == _stop.Value)
                {
                    value = default;
                    return false;
                }
            }

            if (range.IsAllocatable(_current.Value))
            {
                value = _current.Value;
                return true;
            }
        }
    }
}
