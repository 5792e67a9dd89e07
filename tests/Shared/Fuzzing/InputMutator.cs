using System.Buffers.Binary;

namespace Podnet.Testing.Fuzzing;

/// <summary>
/// Derives a malformed input from a seed with a few stacked mutations: bit flips, byte overwrites, truncation, deletion,
/// duplication, splicing with another seed, token insertion and (netlink) lies in <c>nla_len</c>. Deterministic in the
/// choices CsCheck draws, so a failure reproduces from its seed.
/// </summary>
public static class InputMutator
{
    private const int MutationKinds = 9;

    public static byte[] Mutate(byte[] seed, byte[] other, int[] choices, MutationStyle style)
    {
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentNullException.ThrowIfNull(other);
        ArgumentNullException.ThrowIfNull(choices);
        ArgumentNullException.ThrowIfNull(style);
        var data = new List<byte>(seed);
        var next = new ChoiceStream(choices);
        int steps = 1 + next.Below(4);
        for (int step = 0; step < steps; step++)
        {
            Apply(data, other, next, style);
        }

        return [.. data];
    }

    private static void Apply(List<byte> data, byte[] other, ChoiceStream next, MutationStyle style)
    {
        switch (next.Below(MutationKinds))
        {
            case 0 when data.Count > 0: // bit flip
                int bit = next.Below(data.Count * 8);
                data[bit / 8] ^= (byte)(1 << (bit % 8));
                break;
            case 1 when data.Count > 0: // interesting byte
                byte[] interesting = [0, 1, 0x7F, 0x80, 0xFF, 4, 3, 0x22, 0x5C];
                data[next.Below(data.Count)] = interesting[next.Below(interesting.Length)];
                break;
            case 2: // truncation
                int cut = next.Below(data.Count + 1);
                data.RemoveRange(cut, data.Count - cut);
                break;
            case 3 when data.Count > 0: // delete a block
                int start = next.Below(data.Count);
                data.RemoveRange(start, Math.Min(data.Count - start, 1 + next.Below(16)));
                break;
            case 4 when data.Count > 0: // duplicate a block
                int from = next.Below(data.Count);
                int length = Math.Min(data.Count - from, 1 + next.Below(32));
                data.InsertRange(next.Below(data.Count + 1), data.GetRange(from, length));
                break;
            case 5 when other.Length > 0: // splice: our head, the other seed's tail
                int head = next.Below(data.Count + 1);
                int tail = next.Below(other.Length);
                data.RemoveRange(head, data.Count - head);
                data.AddRange(other.AsSpan(tail).ToArray());
                break;
            case 6: // token insertion
                byte[] token = style.Tokens[next.Below(style.Tokens.Count)];
                data.InsertRange(next.Below(data.Count + 1), token);
                break;
            case 7 when style.LengthFields && data.Count >= 4: // nla_len lie at a 4-aligned offset
                LieAboutLength(data, next);
                break;
            default: // random bytes overwrite
                if (data.Count > 0)
                {
                    int at = next.Below(data.Count);
                    int count = Math.Min(data.Count - at, 1 + next.Below(8));
                    for (int i = 0; i < count; i++)
                    {
                        data[at + i] = (byte)next.Below(256);
                    }
                }

                break;
        }
    }

    private static void LieAboutLength(List<byte> data, ChoiceStream next)
    {
        // Prefer offsets that hold a plausible nla_len (4..remaining): those are attribute headers.
        var headers = new List<int>();
        for (int offset = 0; offset + 4 <= data.Count; offset += 4)
        {
            int length = data[offset] | (data[offset + 1] << 8);
            if (length >= 4 && length <= data.Count - offset)
            {
                headers.Add(offset);
            }
        }

        int at = headers.Count > 0 ? headers[next.Below(headers.Count)] : next.Below(data.Count / 4) * 4;
        int remaining = data.Count - at;
        ushort[] lies = [0, 1, 2, 3, 4, 5, (ushort)(remaining - 1), (ushort)remaining, (ushort)(remaining + 1), (ushort)(remaining + 4), 0xFFFF, (ushort)next.Below(65536)];
        Span<byte> value = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(value, lies[next.Below(lies.Length)]);
        data[at] = value[0];
        data[at + 1] = value[1];
    }

    private sealed class ChoiceStream(int[] choices)
    {
        private int _position;

        public int Below(int bound)
        {
            if (bound <= 1)
            {
                return 0;
            }

            int raw = choices.Length == 0 ? 0 : choices[_position++ % choices.Length];
            return (int)((uint)raw % (uint)bound);
        }
    }
}
