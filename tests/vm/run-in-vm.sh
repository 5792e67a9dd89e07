#!/usr/bin/env bash
# The kernel-facing suites on a second kernel: boots an installed Debian kernel (/boot/vmlinuz-<version>) in QEMU
# (TCG software emulation, no network device) over the host's root file system shared read-only through 9p, and runs
# the netlink kernel tests, the plugin end-to-end tests against the published binary and the demo scenario there.
#
#   tests/vm/run-in-vm.sh [--no-build] [KERNEL_VERSION]     (host: what ./build.sh test vm runs)
#   tests/vm/run-in-vm.sh --guest                            (inside the VM, started by the initramfs /init)
#
# KERNEL_VERSION is any installed kernel package (6.1.0-57-amd64 or linux-image-6.1.0-57-amd64); without it, the
# newest /boot/vmlinuz-*-amd64. Results land in artifacts/vm/<version>/: console.log (the guest's serial console),
# results/<suite>.{xml,log,rc,seconds} (written by the guest through a second, writable 9p share) and counts
# ("passed failed skipped"). The last line printed is "vm <version>: N passed, N failed, N skipped"; the exit code
# is 0 only when nothing failed. Environment knobs and details: docs/testing.md, section "Second kernel".
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CONFIG="${CONFIG:-Release}"
PODNET_BINARY="${PODNET_BINARY:-$ROOT/artifacts/bin/podnet}"

# Guest resources and limits. TCG runs one host thread per vCPU (thread=multi).
VM_CPUS="${PODNET_VM_CPUS:-2}"
VM_MEMORY="${PODNET_VM_MEMORY:-4G}"
VM_TIMEOUT="${PODNET_VM_TIMEOUT:-1500}"         # seconds for the whole VM, boot to power-off
SUITE_TIMEOUT="${PODNET_VM_SUITE_TIMEOUT:-900}" # seconds for one suite inside the guest

# The suites: name, project directory, xunit filters. Kernel-facing tests only, because TCG is 10-100 times slower
# than the host: the netlink tests that talk to the kernel (namespaces Route, Sockets, Namespaces, Netfilter; not the
# pure codec, encoding, golden-file and fuzzing tests), and the plugin's end-to-end tests against the published binary
# (namespaces EndToEnd and Routing) without BadInputTests, which the plugin refuses before it touches the kernel, and
# the route reconciler podnet and podnetd share (its incremental-equals-full property test on the kernel).
# Left to the host (measured in docs/testing.md): Interop (libcni, builds Go code), DelegatedIpam and Install (process
# and file contracts), Faults (IPAM store corruption; KillDuringAddTests kills 200 ADDs at moments calibrated on the
# host's speed).
SUITES=(
    "netlink|tests/Podnet.Netlink.Tests|-namespace Podnet.Netlink.Tests.Route -namespace Podnet.Netlink.Tests.Sockets -namespace Podnet.Netlink.Tests.Namespaces -namespace Podnet.Netlink.Tests.Netfilter"
    "bridge|tests/Podnet.Bridge.Tests|-namespace Podnet.Bridge.Tests.EndToEnd -namespace Podnet.Bridge.Tests.Routing -class- Podnet.Bridge.Tests.EndToEnd.BadInputTests"
    "routes|tests/Podnet.Node.Tests|-class Podnet.Node.Tests.ReconcilerTests"
)
DEMO_PROJECT="tools/Podnet.Demo"

# PODNET_VM_SUITES (space-separated names from SUITES, and "demo") narrows the run; empty runs everything.
selected() { [[ -z "${PODNET_VM_SUITES:-}" || " $PODNET_VM_SUITES " == *" $1 "* ]]; }

die() { echo "error: $*" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------------------------
# Guest side: a child of the initramfs /init, chrooted into the host's file system, on the guest kernel.
# ---------------------------------------------------------------------------------------------------------------

guest_run() {
    local name="$1" out="$PODNET_VM_RESULTS/$1" rc start
    shift
    echo "==> [vm $(uname -r)] $name"
    start=$(date +%s)
    set +e
    timeout -k 30 "$SUITE_TIMEOUT" "$@" </dev/null 2>&1 | tee "$out.log"
    rc=${PIPESTATUS[0]}
    set -e
    echo "$rc" >"$out.rc"
    echo $(($(date +%s) - start)) >"$out.seconds"
    echo "==> [vm $(uname -r)] $name: exit $rc after $(cat "$out.seconds")s"
}

guest_main() {
    : "${PODNET_VM_RESULTS:?}"
    cd "$ROOT"
    echo "==> [vm] kernel $(uname -r), $(nproc) CPUs, $(awk '/MemTotal/{print int($2/1024)}' /proc/meminfo) MiB"
    if [[ -f "$PODNET_VM_RESULTS/command.sh" ]]; then
        guest_run command bash "$PODNET_VM_RESULTS/command.sh"
        uname -r >"$PODNET_VM_RESULTS/done"
        return
    fi
    # The kernel loads modules on demand too (through the initramfs modprobe helper); loading these up front makes a
    # missing one a clear line here instead of an odd test failure.
    local m
    for m in bridge veth nf_tables; do
        modprobe "$m" || echo "warning: modprobe $m failed"
    done
    local suite name project filters
    for suite in "${SUITES[@]}"; do
        IFS='|' read -r name project filters <<<"$suite"
        selected "$name" || continue
        # PODNET_VM_XUNIT_ARGS replaces the suite's filters (e.g. "-class Podnet.Bridge.Tests.EndToEnd.PortOptionTests").
        # -longRunning names, on the console, a test that runs for over two minutes, so a hang is visible.
        # shellcheck disable=SC2086 # the filters are words
        guest_run "$name" dotnet "$project/bin/$CONFIG/net10.0/$(basename "$project").dll" \
            -noColor -noLogo -longRunning 120 -xml "$PODNET_VM_RESULTS/$name.xml" ${PODNET_VM_XUNIT_ARGS:-$filters}
    done
    if selected demo; then
        guest_run demo dotnet "$DEMO_PROJECT/bin/Release/net10.0/$(basename "$DEMO_PROJECT").dll" --plugin "$PODNET_BINARY"
    fi
    uname -r >"$PODNET_VM_RESULTS/done"
}

# ---------------------------------------------------------------------------------------------------------------
# Host side.
# ---------------------------------------------------------------------------------------------------------------

QEMU_PID="" TAIL_PID="" INITRD_DIR=""

# On every exit (normal, error, Ctrl-C, TERM): stop the VM's whole process group, then remove the initramfs.
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    # On Ctrl-C the reader of our output (tee in build.sh) may be gone already: a failed write must not stop this.
    trap '' PIPE
    set +e
    if [[ -n "$QEMU_PID" ]] && kill -0 "$QEMU_PID" 2>/dev/null; then
        echo "==> [vm] stopping qemu (process group $QEMU_PID)" >&2
        kill -TERM -- "-$QEMU_PID" 2>/dev/null || true
        for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$QEMU_PID" 2>/dev/null || break; sleep 0.5; done
        kill -KILL -- "-$QEMU_PID" 2>/dev/null || true
        wait "$QEMU_PID" 2>/dev/null || true
    fi
    if [[ -n "$TAIL_PID" ]]; then
        kill "$TAIL_PID" 2>/dev/null || true
        wait "$TAIL_PID" 2>/dev/null || true
    fi
    if [[ -n "$INITRD_DIR" ]]; then rm -rf "$INITRD_DIR"; fi
    exit "$rc"
}

# The initramfs: static busybox, the modules that mount the 9p shares (in dependency order, as modprobe resolves
# them from this kernel's modules.dep), a modprobe helper for the kernel's on-demand loading, and /init.
build_initramfs() {
    local dir="$INITRD_DIR/root" line path base
    mkdir -p "$dir"/{bin,sbin,proc,sys,dev,mnt,modules}
    cp "$(command -v busybox)" "$dir/bin/busybox"
    if ldd "$dir/bin/busybox" >/dev/null 2>&1; then die "busybox is dynamically linked: install busybox-static"; fi
    : >"$dir/modules/order"
    while read -r line; do
        [[ "$line" == insmod\ * ]] || continue # "builtin NAME" needs nothing
        path=$(awk '{print $2}' <<<"$line")
        base=$(basename "$path")
        case "$base" in
            *.ko.xz) xz -dc "$path" >"$dir/modules/${base%.xz}"; base=${base%.xz} ;;
            *.ko.zst) zstd -qdc "$path" >"$dir/modules/${base%.zst}"; base=${base%.zst} ;;
            *.ko.gz) gzip -dc "$path" >"$dir/modules/${base%.gz}"; base=${base%.gz} ;;
            *) cp "$path" "$dir/modules/$base" ;;
        esac
        grep -qxF "$base" "$dir/modules/order" || echo "$base" >>"$dir/modules/order"
    done < <(modprobe -S "$KERNEL" --show-depends -a virtio_pci 9pnet_virtio 9p)

    # The kernel runs /proc/sys/kernel/modprobe from the initramfs root: hand the request to the host's modprobe,
    # which finds /lib/modules/<guest kernel> on the shared root.
    cat >"$dir/sbin/modprobe-chroot" <<'EOF'
#!/bin/sh
exec /bin/chroot /mnt /sbin/modprobe "$@"
EOF
    chmod 0755 "$dir/sbin/modprobe-chroot"

    cat >"$dir/vm.env" <<EOF
REPO='$ROOT'
RESULTS='$RESULTS'
PODNET_BINARY='$PODNET_BINARY'
CONFIG='$CONFIG'
SUITE_TIMEOUT='$SUITE_TIMEOUT'
CI='${CI:-}'
PODNET_VM_SUITES='${PODNET_VM_SUITES:-}'
PODNET_VM_XUNIT_ARGS='${PODNET_VM_XUNIT_ARGS:-}'
EOF

    # /init: the host's root read-only at /mnt, writable tmpfs where programs write (/tmp, /var/tmp, /run for
    # /run/netns, /root as HOME, /dev/shm), the results share over its own path, then the guest side of this script
    # in a chroot with a clean environment. Whatever happens, it powers off, which ends qemu.
    cat >"$dir/init" <<'EOF'
#!/bin/busybox sh
/bin/busybox --install -s /bin
export PATH=/bin:/sbin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
. /vm.env
fail() { echo "podnet-vm: $*"; poweroff -f; }
for m in $(cat /modules/order); do insmod "/modules/$m" || fail "insmod $m failed"; done
mount -t 9p -o trans=virtio,version=9p2000.L,ro,cache=loose,msize=262144 host /mnt || fail "mounting the host root failed"
mount -t proc proc /mnt/proc
mount -t sysfs sysfs /mnt/sys
mount -t devtmpfs devtmpfs /mnt/dev
mkdir -p /mnt/dev/pts /mnt/dev/shm
mount -t devpts devpts /mnt/dev/pts
mount -t tmpfs -o mode=1777 tmpfs /mnt/dev/shm
mount -t tmpfs -o mode=1777 tmpfs /mnt/tmp
mount -t tmpfs -o mode=1777 tmpfs /mnt/var/tmp
mount -t tmpfs -o mode=0755 tmpfs /mnt/run
mount -t tmpfs -o mode=0700 tmpfs /mnt/root
# The repository again, over its own path: a checkout under /tmp, /run or /root is hidden by the tmpfs mounts above.
mkdir -p "/mnt$REPO" 2>/dev/null
mount -t 9p -o trans=virtio,version=9p2000.L,ro,cache=loose,msize=262144 repo "/mnt$REPO" || fail "mounting the repository failed"
mount -t 9p -o trans=virtio,version=9p2000.L,rw,cache=none,msize=262144 results "/mnt$RESULTS" || fail "mounting the results share failed"
echo /sbin/modprobe-chroot >/proc/sys/kernel/modprobe
hostname podnet-vm
chroot /mnt /usr/bin/env -i \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root TMPDIR=/tmp TERM=dumb LANG=C.UTF-8 \
    DOTNET_CLI_HOME=/tmp/dotnet-home DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 \
    PODNET_BINARY="$PODNET_BINARY" PODNET_VM_RESULTS="$RESULTS" PODNET_VM_SUITE_TIMEOUT="$SUITE_TIMEOUT" \
    CONFIG="$CONFIG" CI="$CI" PODNET_VM_SUITES="$PODNET_VM_SUITES" PODNET_VM_XUNIT_ARGS="$PODNET_VM_XUNIT_ARGS" \
    /bin/bash "$REPO/tests/vm/run-in-vm.sh" --guest
echo "podnet-vm: guest script exited $?"
sync
umount "/mnt$RESULTS"
umount "/mnt$REPO"
poweroff -f
EOF
    chmod 0755 "$dir/init"
    (cd "$dir" && find . | busybox cpio -o -H newc 2>/dev/null) >"$INITRD_DIR/initramfs.cpio"
}

boot_vm() {
    local start qemu_rc=0
    echo "==> [vm] booting $KERNEL (TCG, $VM_CPUS vCPUs, $VM_MEMORY, no network device; console: $CONSOLE)"
    start=$(date +%s)
    : >"$CONSOLE"
    # setsid: qemu and its timeout get their own process group, which cleanup stops as a whole; Ctrl-C reaches this
    # script, not qemu. mitigations=off: page-table isolation makes every guest syscall a TLB flush under TCG.
    setsid timeout -k 10 "$VM_TIMEOUT" qemu-system-x86_64 \
        -name podnet-vm -nodefaults -no-user-config -machine pc -accel tcg,thread=multi -cpu max \
        -smp "$VM_CPUS" -m "$VM_MEMORY" -display none -nic none -no-reboot \
        -serial "file:$CONSOLE" \
        -kernel "/boot/vmlinuz-$KERNEL" -initrd "$INITRD_DIR/initramfs.cpio" \
        -append "console=ttyS0 panic=-1 quiet loglevel=4 mitigations=off" \
        -virtfs "local,path=/,mount_tag=host,security_model=none,readonly=on,multidevs=remap" \
        -virtfs "local,path=$ROOT,mount_tag=repo,security_model=none,readonly=on,multidevs=remap" \
        -virtfs "local,path=$RESULTS,mount_tag=results,security_model=none,multidevs=remap" \
        </dev/null >"$OUT/qemu.log" 2>&1 &
    QEMU_PID=$!
    # The console, live, without the terminal control bytes the guest writes.
    tail -n +1 -f --pid="$QEMU_PID" "$CONSOLE" 2>/dev/null | sed -u -e 's/\x1b\[[0-9;?]*[A-Za-z]//g' -e 's/\r//g' &
    TAIL_PID=$!
    wait "$QEMU_PID" || qemu_rc=$?
    QEMU_PID=""
    wait "$TAIL_PID" 2>/dev/null || true
    TAIL_PID=""
    echo "==> [vm] $KERNEL powered off after $(($(date +%s) - start))s (qemu exit $qemu_rc)"
    if [[ $qemu_rc -eq 124 || $qemu_rc -eq 137 ]]; then
        echo "error: the VM ran longer than ${VM_TIMEOUT}s (PODNET_VM_TIMEOUT) and was stopped" >&2
    fi
    if [[ -s "$OUT/qemu.log" ]]; then sed 's/^/qemu: /' "$OUT/qemu.log" >&2; fi
}

# One attribute of the <assembly> element of an xunit xml report.
xml_count() { grep -o "<assembly [^>]*>" "$1" | head -n1 | grep -o " $2=\"[0-9]*\"" | grep -o "[0-9]*" || echo 0; }

# Each xunit suite counts from its xml report (a missing report, or a non-zero exit without a failing test, is one
# failure); the demo counts as one test; a guest that did not reach the end is a failure.
count_results() {
    local passed=0 failed=0 skipped=0 suite name rc p f s
    for suite in "${SUITES[@]}"; do
        name=${suite%%|*}
        selected "$name" || continue
        rc=$(cat "$RESULTS/$name.rc" 2>/dev/null || echo missing)
        if [[ ! -s "$RESULTS/$name.xml" ]]; then
            echo "error: [vm $KERNEL] $name wrote no results (exit $rc)" >&2
            failed=$((failed + 1))
            continue
        fi
        p=$(xml_count "$RESULTS/$name.xml" passed) s=$(xml_count "$RESULTS/$name.xml" skipped)
        f=$(($(xml_count "$RESULTS/$name.xml" failed) + $(xml_count "$RESULTS/$name.xml" errors) + $(xml_count "$RESULTS/$name.xml" not-run)))
        if [[ "$rc" != 0 && $f -eq 0 ]]; then
            echo "error: [vm $KERNEL] $name exited $rc without a failing test" >&2
            f=1
        fi
        echo "    [vm $KERNEL] $name: $p passed, $f failed, $s skipped in $(cat "$RESULTS/$name.seconds" 2>/dev/null || echo '?')s"
        passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
    done
    if selected demo; then
        rc=$(cat "$RESULTS/demo.rc" 2>/dev/null || echo missing)
        if [[ "$rc" == 0 ]]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
        echo "    [vm $KERNEL] demo: exit $rc in $(cat "$RESULTS/demo.seconds" 2>/dev/null || echo '?')s"
    fi
    if [[ ! -f "$RESULTS/done" ]]; then
        echo "error: [vm $KERNEL] the guest did not finish (see $CONSOLE)" >&2
        failed=$((failed == 0 ? 1 : failed))
    fi
    echo "$passed $failed $skipped" >"$OUT/counts"
    echo "vm $KERNEL: $passed passed, $failed failed, $skipped skipped"
    [[ $failed -eq 0 ]]
}

host_main() {
    local no_build=0 tool project
    if [[ "${1:-}" == "--no-build" ]]; then no_build=1; shift; fi
    KERNEL="${1:-}"
    KERNEL="${KERNEL#linux-image-}"
    if [[ -z "$KERNEL" ]]; then
        KERNEL=$(find /boot -maxdepth 1 -name 'vmlinuz-*-amd64' -printf '%f\n' 2>/dev/null | sed 's/^vmlinuz-//' | sort -V | tail -n1)
        [[ -n "$KERNEL" ]] || die "no /boot/vmlinuz-*-amd64: install linux-image-amd64 (./build.sh setup)"
    fi
    [[ -f "/boot/vmlinuz-$KERNEL" ]] || die "/boot/vmlinuz-$KERNEL is missing: install linux-image-$KERNEL"
    [[ -d "/lib/modules/$KERNEL" ]] || die "/lib/modules/$KERNEL is missing: install linux-image-$KERNEL"
    for tool in qemu-system-x86_64 busybox modprobe; do
        command -v "$tool" >/dev/null || die "$tool is missing: ./build.sh setup installs it"
    done
    [[ -x "$PODNET_BINARY" ]] || die "$PODNET_BINARY is missing: ./build.sh publish"
    [[ "$(id -u)" -eq 0 ]] || die "root is needed (the guest runs the host's files as root)"

    if ((!no_build)); then
        for project in "${SUITES[@]}" "demo|$DEMO_PROJECT|"; do
            project=$(cut -d'|' -f2 <<<"$project")
            dotnet build "$ROOT/$project/$(basename "$project").csproj" -c "$CONFIG" -nologo -v:q -clp:ErrorsOnly >/dev/null \
                || die "building $project failed"
        done
    fi

    OUT="$ROOT/artifacts/vm/$KERNEL"
    RESULTS="$OUT/results"
    CONSOLE="$OUT/console.log"
    rm -rf "$OUT"
    mkdir -p "$RESULTS"
    # PODNET_VM_COMMAND: run this bash script text in the guest instead of the suites (to explore a kernel).
    if [[ -n "${PODNET_VM_COMMAND:-}" ]]; then printf '%s\n' "$PODNET_VM_COMMAND" >"$RESULTS/command.sh"; fi
    trap cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    INITRD_DIR="$(mktemp -d "$OUT/initramfs.XXXXXX")"

    echo "==> [vm] kernel $KERNEL: building the initramfs"
    build_initramfs
    boot_vm

    if [[ -n "${PODNET_VM_COMMAND:-}" ]]; then
        local rc
        rc=$(cat "$RESULTS/command.rc" 2>/dev/null || echo missing)
        echo "vm $KERNEL: command exited $rc"
        [[ "$rc" == 0 ]] || exit 1
        return 0
    fi
    count_results
}

# Everything above is functions, so bash has parsed the whole file before any of it runs.
if [[ "${1:-}" == "--guest" ]]; then guest_main; else host_main "$@"; fi; exit
