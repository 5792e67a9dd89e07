#!/usr/bin/env bash
# Podnet build entry point. Verbs: setup, build, publish, pack, test [unit|vm], mutate, demo, bench, fuzz.
# Every verb installs what it needs first, so a fresh Debian machine with the .NET 10 SDK is enough.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
CONFIG="${CONFIG:-Release}"
ARTIFACTS="$ROOT/artifacts"
RID="linux-$(uname -m | sed -e 's/x86_64/x64/' -e 's/aarch64/arm64/')"

# OS packages: clang + zlib for NativeAOT; the reference plugins, iproute2, nftables and strace for
# interop and golden tests; Go and the CNI library sources for the libcni driver; etcd for the agent's store tests.
# QEMU, Debian's stock kernel and a static busybox for the second-kernel stage (tests/vm/run-in-vm.sh).
APT_PACKAGES=(clang zlib1g-dev containernetworking-plugins iproute2 nftables strace golang-go golang-github-appc-cni-dev time
    etcd-server etcd-client qemu-system-x86 linux-image-amd64 busybox-static)

setup() {
    local missing=()
    for p in "${APT_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if ((${#missing[@]})); then
        echo "==> installing OS packages: ${missing[*]}"
        if [[ $(id -u) -ne 0 ]]; then
            echo "error: root is needed to install ${missing[*]} (and to create network namespaces)" >&2
            exit 1
        fi
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
}

build() {
    dotnet build "$ROOT/Generated.sln" -c "$CONFIG" -nologo -v:q -clp:ErrorsOnly
}

publish() {
    setup
    mkdir -p "$ARTIFACTS/bin"
    publish_one plugin/Podnet.Bridge/Podnet.Bridge.csproj podnet
    publish_one agent/Podnet.Agent/Podnet.Agent.csproj podnetd
}

# NativeAOT publish of one executable into artifacts/bin; trim/AOT warnings are errors (IlcTreatWarningsAsErrors) and
# any other warning fails the publish too.
publish_one() {
    local project="$1" name="$2" log="$ARTIFACTS/publish-$2.log"
    echo "==> publishing NativeAOT $name ($RID)"
    if ! dotnet publish "$ROOT/$project" -c Release -r "$RID" -o "$ARTIFACTS/publish/$name" -nologo -v:m -clp:NoSummary >"$log" 2>&1; then
        grep -E "error|warning" "$log" >&2 || cat "$log" >&2
        exit 1
    fi
    if grep -qE ": warning [A-Z]+[0-9]+" "$log"; then
        grep -E ": warning [A-Z]+[0-9]+" "$log" >&2
        echo "error: publishing $name produced warnings" >&2
        exit 1
    fi
    install -m 0755 "$ARTIFACTS/publish/$name/$name" "$ARTIFACTS/bin/$name"
    echo "==> $ARTIFACTS/bin/$name ($(stat -c %s "$ARTIFACTS/bin/$name") bytes)"
}

# NuGet packages (Podnet.Netlink, Podnet.Cni, Podnet.Netlink.Testing) with symbols, in artifacts/packages.
PACKAGES=(runtime/Podnet.Netlink runtime/Podnet.Cni runtime/Podnet.Netlink.Testing)
pack() {
    rm -rf "$ARTIFACTS/packages"
    local project
    for project in "${PACKAGES[@]}"; do
        # NU5xxx warnings are errors here like every other warning (TreatWarningsAsErrors).
        dotnet pack "$ROOT/$project/$(basename "$project").csproj" -c Release -nologo -v:q -clp:ErrorsOnly \
            -warnaserror -p:ContinuousIntegrationBuild=true
    done
    ls -1 "$ARTIFACTS/packages"
}

# A fingerprint of the machine's own network namespace and CNI directories: tests must leave both as they found them.
host_network_state() {
    ip -o link show | awk -F': ' '{print $2}' | sed 's/@.*//' | sort
    ip -o addr show | awk '{print $2, $3, $4}' | sort
    ip route show table all | sed -e "s/ expires [0-9]*sec//" | sort
    nft -s list ruleset 2>/dev/null || true
    # Nor may they leave CNI state in the machine's own CNI directories.
    # With modification times, so a file re-created or rewritten during the run shows too.
    find /var/lib/cni /opt/cni /etc/cni -maxdepth 3 -printf '%p %T@\n' 2>/dev/null | sort || true
}

run_tests() {
    setup
    publish
    echo "==> building tests"
    build
    echo "==> running tests"
    local log="$ARTIFACTS/test.log" rc=0
    mkdir -p "$ARTIFACTS"
    export PODNET_BINARY="$ARTIFACTS/bin/podnet" PODNETD_BINARY="$ARTIFACTS/bin/podnetd"
    # The full fuzz budget (tests/Shared/Fuzzing/FuzzBudget.cs), whatever the caller's environment says.
    export PODNET_FUZZ_BUDGET=full
    host_network_state >"$ARTIFACTS/host-network.before"
    dotnet test --solution "$ROOT/Generated.sln" -c "$CONFIG" --no-build --no-progress 2>&1 | tee "$log" || rc=$?
    # The kernel-facing suites again on a second kernel in a VM: the newest installed Debian kernel, or each
    # version in PODNET_VM_KERNELS. Each prints "vm <version>: N passed, N failed, N skipped" last.
    local kernel vm_lines=() vm_failed=0 vm_passed=0 vm_skipped=0 line
    for kernel in ${PODNET_VM_KERNELS:-newest}; do
        [[ $kernel == newest ]] && kernel=""
        "$ROOT/tests/vm/run-in-vm.sh" --no-build $kernel 2>&1 | tee "$ARTIFACTS/test-vm-${kernel:-newest}.log" || true
        line=$(tail -n1 "$ARTIFACTS/test-vm-${kernel:-newest}.log")
        if [[ $line =~ ^vm\ [^:]+:\ ([0-9]+)\ passed,\ ([0-9]+)\ failed,\ ([0-9]+)\ skipped$ ]]; then
            vm_passed=$((vm_passed + BASH_REMATCH[1])) vm_failed=$((vm_failed + BASH_REMATCH[2]))
            vm_skipped=$((vm_skipped + BASH_REMATCH[3]))
            vm_lines+=("$line")
        else
            echo "error: the VM stage ${kernel:-(newest kernel)} ended without its summary line" >&2
            vm_lines+=("vm ${kernel:-newest}: no result")
            vm_failed=$((vm_failed + 1))
        fi
    done
    host_network_state >"$ARTIFACTS/host-network.after"
    local host_changed=0
    if ! diff -u "$ARTIFACTS/host-network.before" "$ARTIFACTS/host-network.after" >&2; then
        echo "error: the tests changed the machine's own network namespace (diff above)" >&2
        host_changed=1
    fi
    local total failed passed skipped
    total=$(awk '/Test run summary/{s=1} s&&/total:/{print $2; exit}' "$log")
    failed=$(awk '/Test run summary/{s=1} s&&/failed:/{print $2; exit}' "$log")
    passed=$(awk '/Test run summary/{s=1} s&&/succeeded:/{print $2; exit}' "$log")
    skipped=$(awk '/Test run summary/{s=1} s&&/skipped:/{print $2; exit}' "$log")
    total=${total:-0} failed=${failed:-0} passed=${passed:-0} skipped=${skipped:-0}
    if [[ $rc -ne 0 && $failed -eq 0 ]]; then
        echo "error: the test run exited with $rc without a failing test (build error or crashed test host)" >&2
        failed=1
    fi
    failed=$((failed + host_changed))
    if [[ $total -eq 0 ]]; then
        echo "error: no test ran" >&2
        failed=$((failed == 0 ? 1 : failed))
    fi
    echo "host $(uname -r): $passed passed, $failed failed, $skipped skipped"
    printf '%s\n' "${vm_lines[@]}"
    passed=$((passed + vm_passed)) failed=$((failed + vm_failed)) skipped=$((skipped + vm_skipped))
    echo "$passed passed, $failed failed, $skipped skipped"
    [[ $failed -eq 0 ]]
}

# ./build.sh test unit [--no-build]: every test without the [Kernel] trait (tests/Shared/Traits), which is every test
# that needs neither root nor the kernel (docs/testing.md, "Unit tests"). No publish, no root, no VM; each test
# project's own executable runs with xunit's trait filter. --no-build runs what is already built. The fuzzing and
# random-declaration tests run on the quick budget (PODNET_FUZZ_BUDGET=quick, tests/Shared/Fuzzing/FuzzBudget.cs): a
# fixed number of inputs per parser instead of a second each, fewer random declarations; ./build.sh test runs the full one.
run_unit_tests() {
    if [[ "${1:-}" != --no-build ]]; then
        echo "==> building tests"
        build
    fi
    echo "==> running unit tests (not Category=Kernel; fuzz budget: quick)"
    mkdir -p "$ARTIFACTS"
    local log="$ARTIFACTS/test-unit.log" project name exe rc line failed=0 passed=0 skipped=0 total=0
    local -a names=() pids=()
    : >"$log"
    # The projects run side by side (each executable also runs its own classes in parallel); their output is
    # collected per project and appended to the log in a fixed order.
    for project in "$ROOT"/tests/*.Tests/*.Tests.csproj; do
        name=$(basename "$project" .csproj)
        exe="$ROOT/tests/$name/bin/$CONFIG/net10.0/$name"
        if [[ ! -x $exe ]]; then
            echo "error: $exe is not built" | tee -a "$log" >&2
            failed=$((failed + 1))
            continue
        fi
        ( rc=0; PODNET_FUZZ_BUDGET=quick "$exe" -trait- "Category=Kernel" -noLogo -noColor >"$ARTIFACTS/test-unit-$name.log" 2>&1 || rc=$?; exit $rc ) &
        names+=("$name") pids+=("$!")
    done
    local i
    for i in "${!names[@]}"; do
        name=${names[$i]} rc=0
        wait "${pids[$i]}" || rc=$?
        cat "$ARTIFACTS/test-unit-$name.log" >>"$log"
        grep -E "\[FAIL\]" "$ARTIFACTS/test-unit-$name.log" || true
        # xunit's summary: "   Name  Total: N, Errors: N, Failed: N, Skipped: N, Not Run: N, Time: ..." ("Total: 0" alone
        # for a project that is [Kernel] throughout).
        line=$(grep -E "^ +$name +Total: [0-9]+" "$ARTIFACTS/test-unit-$name.log" | tail -n1)
        echo "${line:-$name: no summary}"
        if [[ $line =~ Total:\ ([0-9]+),\ Errors:\ ([0-9]+),\ Failed:\ ([0-9]+),\ Skipped:\ ([0-9]+),\ Not\ Run:\ ([0-9]+) ]]; then
            total=$((total + BASH_REMATCH[1])) failed=$((failed + BASH_REMATCH[2] + BASH_REMATCH[3]))
            skipped=$((skipped + BASH_REMATCH[4] + BASH_REMATCH[5]))
            passed=$((passed + BASH_REMATCH[1] - BASH_REMATCH[3] - BASH_REMATCH[4] - BASH_REMATCH[5]))
            if [[ $rc -ne 0 && $((BASH_REMATCH[2] + BASH_REMATCH[3])) -eq 0 ]]; then
                echo "error: $name exited with $rc without a failing test" >&2
                failed=$((failed + 1))
            fi
        elif [[ ! $line =~ Total:\ 0$ ]]; then
            echo "error: $name ended without its summary line (exit code $rc)" >&2
            failed=$((failed + 1))
        fi
    done
    if [[ $total -eq 0 ]]; then
        echo "error: no test ran" >&2
        failed=$((failed == 0 ? 1 : failed))
    fi
    echo "$passed passed, $failed failed, $skipped skipped"
    [[ $failed -eq 0 ]]
}

# ./build.sh test vm [KERNEL_VERSION]: only the second-kernel stage (docs/testing.md, "Second kernel").
run_vm_tests() {
    setup
    publish
    "$ROOT/tests/vm/run-in-vm.sh" "$@"
}

demo() {
    publish
    dotnet build "$ROOT/tools/Podnet.Demo/Podnet.Demo.csproj" -c Release -nologo -v:q -clp:ErrorsOnly
    dotnet "$ROOT/tools/Podnet.Demo/bin/Release/net10.0/Podnet.Demo.dll" --plugin "$ARTIFACTS/bin/podnet" --podnetd "$ARTIFACTS/bin/podnetd" "$@"
}

bench() {
    publish
    "$ROOT/bench/route-sync/run.sh"
    "$ROOT/bench/agent/run.sh" ${AGENT_BENCH_ARGS:-} # podnetd at 1,000/5,000 leases; e.g. AGENT_BENCH_ARGS="--idle 10"
    # podnet vs reference bridge + host-local; options via PLUGIN_COMPARE_ARGS="--cycles 50 ...".
    PLUGIN_COMPARE_COMMAND="./build.sh bench" "$ROOT/bench/plugin-compare/run.sh" ${PLUGIN_COMPARE_ARGS:-}
    # BenchmarkDotNet asks interactively without a filter: run every benchmark unless arguments say otherwise.
    if (($# == 0)); then set -- --filter '*'; fi
    dotnet run -c Release --project "$ROOT/bench/Podnet.Benchmarks" -- "$@"
}

# ./build.sh mutate [encoding|ipam|commands|all]: Stryker.NET mutation testing (docs/testing.md, "Mutation testing").
# The tool is pinned in .config/dotnet-tools.json; each target is tests/mutation/<target>.json (project, test project,
# mutate globs, the break threshold of 85%). Reports go to artifacts/mutation/<target>/. Too slow for CI.
MUTATION_TARGETS=(encoding ipam commands)
mutate() {
    local targets=() target rc=0 failed=()
    case "${1:-all}" in
        all) targets=("${MUTATION_TARGETS[@]}") ;;
        encoding | ipam | commands) targets=("$1") ;;
        *)
            echo "usage: ./build.sh mutate [encoding|ipam|commands|all]" >&2
            exit 2
            ;;
    esac
    dotnet tool restore >/dev/null
    for target in "${targets[@]}"; do
        echo "==> mutation testing: $target"
        rm -rf "$ARTIFACTS/mutation/$target"
        mkdir -p "$ARTIFACTS/mutation/$target"
        # Stryker runs from tests/mutation: in the repository root it would see Generated.sln and want a solution run.
        rc=0
        (cd "$ROOT/tests/mutation" && dotnet stryker --config-file "$target.json" --output "$ARTIFACTS/mutation/$target") \
            2>&1 | tee "$ARTIFACTS/mutation/$target.log" || rc=$?
        if [[ $rc -ne 0 ]]; then failed+=("$target"); fi
    done
    for target in "${targets[@]}"; do
        echo "$target: $(grep -oE "The final mutation score is [0-9.]+ ?%" "$ARTIFACTS/mutation/$target.log" | tail -n1 || echo "no score")"
    done
    if ((${#failed[@]})); then
        echo "error: below the break threshold or failed: ${failed[*]}" >&2
        return 1
    fi
}

# Long fuzzing of every generated parser (netlink Read, CNI JSON Parse): PODNET_FUZZ_SECONDS per type (default 60).
fuzz() {
    export PODNET_FUZZ_SECONDS="${PODNET_FUZZ_SECONDS:-60}"
    echo "==> fuzzing every generated parser for ${PODNET_FUZZ_SECONDS}s per type"
    local project
    for project in Podnet.Netlink.Tests Podnet.Cni.Tests; do
        dotnet build "$ROOT/tests/$project/$project.csproj" -c "$CONFIG" -nologo -v:q -clp:ErrorsOnly
        "$ROOT/tests/$project/bin/$CONFIG/net10.0/$project" -namespace "${project%.Tests}.Tests.Fuzzing" -noLogo
    done
}

case "${1:-}" in
    setup) setup ;;
    build) build ;;
    publish) publish ;;
    pack) pack ;;
    test)
        case "${2:-}" in
            vm) shift 2; run_vm_tests "$@" ;;
            unit) shift 2; run_unit_tests "$@" ;;
            *) run_tests ;;
        esac
        ;;
    demo) shift; demo "$@" ;;
    bench) shift; bench "$@" ;;
    fuzz) fuzz ;;
    mutate) shift; mutate "$@" ;;
    *)
        echo "usage: ./build.sh {setup|build|publish|pack|test [unit [--no-build]|vm [KERNEL_VERSION]]|mutate [encoding|ipam|commands|all]|demo [etcd]|bench|fuzz}" >&2
        exit 2
        ;;
esac
