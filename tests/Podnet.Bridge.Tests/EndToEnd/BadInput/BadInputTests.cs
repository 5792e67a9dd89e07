using System.Text.Json.Nodes;
using Podnet.Bridge.Tests.EndToEnd.Harness;
using Podnet.Bridge.Tests.Faults.Harness;
using Podnet.Cni;
using Podnet.Testing.Json;
using Podnet.Testing.Nodes;

namespace Podnet.Bridge.Tests.EndToEnd.BadInput;

/// <summary>
/// Every request in <see cref="BadInputCorpus"/> fails with exit code 1 and its exact CNI error code (and message text,
/// where it matters), and leaves no trace: no link appears in the node or the pod namespace, and every file of the IPAM
/// store is byte-identical afterwards. The one bad-input suite that runs the binary.
/// </summary>
[Kernel]
public sealed class BadInputTests(BadInputResidents fixture) : IClassFixture<BadInputResidents>
{
    [Fact]
    public void The_corpus_has_at_least_25_cases() => Assert.True(BadInputCorpus.Cases.Count >= 25, $"{BadInputCorpus.Cases.Count} cases");

    [Theory]
    [MemberData(nameof(BadInputCorpus.Names), MemberType = typeof(BadInputCorpus))]
    public void Bad_input_fails_with_its_error_code_and_changes_nothing(string caseName)
    {
        BadInputCase badInput = BadInputCorpus.Cases[caseName];
        TestNode node = fixture.Node;
        PluginInvocation invocation = badInput.Build(fixture);
        List<string> nodeLinks = NamespaceInspector.LinkNames(node.Path);
        List<string> podLinks = NamespaceInspector.LinkNames(fixture.Target.Path);
        List<string> residentLinks = NamespaceInspector.LinkNames(fixture.Resident.Path);
        IpamStoreSnapshot store = IpamStoreSnapshot.Take(node.DataDirectory);

        PluginOutcome outcome = node.Run(invocation);
        if (outcome.ExitCode == 0)
        {
            // Keep the shared node clean for the other cases before failing this one.
            node.Run(invocation.With("CNI_COMMAND", "DEL"));
        }

        outcome.AssertError(badInput.ExpectedCode);
        Assert.True(outcome.ExitCode == 1, $"expected exit code 1:\n{outcome}");
        if (badInput.Message is { } message)
        {
            Assert.Contains(message, outcome.ErrorMessage, StringComparison.Ordinal);
        }

        if (badInput.ExactMessage is { } exact)
        {
            Assert.Equal(exact, outcome.ErrorMessage);
        }

        Assert.NotEqual((int)CniErrorCode.Internal, badInput.ExpectedCode);
        // Words for a person, never an exception's type name (a NUL in dataDir once answered "ArgumentException").
        if (outcome.Json?["details"] is System.Text.Json.Nodes.JsonValue details)
        {
            Assert.DoesNotMatch(@"^[\w.]*Exception$", details.GetValue<string>());
        }

        Assert.Equal(nodeLinks, NamespaceInspector.LinkNames(node.Path));
        Assert.Equal(podLinks, NamespaceInspector.LinkNames(fixture.Target.Path));
        Assert.Equal(residentLinks, NamespaceInspector.LinkNames(fixture.Resident.Path));
        IpamStoreSnapshot after = IpamStoreSnapshot.Take(node.DataDirectory);
        Assert.True(store.Equals(after), $"the IPAM store changed:\n{store.DifferenceTo(after)}\n{outcome}");
    }

    [Fact]
    public void The_failed_add_did_not_take_the_last_address()
    {
        // 10.77.0.0/29: .1 is the gateway, .7 the broadcast address, .2 to .6 are the five pod addresses. After the
        // exhausted ADD fails, releasing one pod makes exactly that address available again.
        using TestNode node = TestNode.Create();
        JsonObject config = node.Config("1.0.0", "10.77.0.0/29");
        TestPod[] pods = [.. Enumerable.Range(0, 5).Select(i => node.CreatePod("e" + i))];
        foreach (TestPod pod in pods)
        {
            node.Add(pod, config).EnsureSuccess();
        }

        TestPod late = node.CreatePod();
        PluginOutcome exhausted = node.Add(late, config).AssertError(CniErrorCode.AddressesExhausted);
        Assert.True(exhausted.ExitCode == 1, $"expected exit code 1:\n{exhausted}");

        node.Del(pods[3], config).EnsureSuccess();
        JsonObject retry = node.Add(late, config).Result;
        string address = retry["ips"]![0]!["address"].Text();
        Assert.StartsWith("10.77.0.", address, StringComparison.Ordinal);
        Assert.EndsWith("/29", address, StringComparison.Ordinal);
    }
}
