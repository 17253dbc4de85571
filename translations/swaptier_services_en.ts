<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>swaptier::services::ActionSpec</name>
    <message>
        <source>invalid --action &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid --action &quot;%1&quot;: at &apos;%2&apos;: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a quote or bracket is not closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no action given; expected a kind such as &quot;writeback&quot; followed by KEY=VALUE words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a word may not hold control characters or line breaks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected KEY=VALUE; only the first word may be the kind alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a key: keys are letters, digits, &apos;_&apos; and &apos;-&apos;, with &apos;.&apos; between the parts of a dotted key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is given twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--action SPEC adds an action to the scenario, after its own [[action]] tables (repeatable). SPEC is an action kind followed by KEY=VALUE words with the keys of an [[action]] table of the scenario format, where &apos;-&apos; may stand for &apos;_&apos;:
  --action &quot;writeback cgroup=/batch at=50% max_pages=4096&quot;
  --action &quot;set-policy cgroup=/batch zswap_max=16M at=0.3&quot;
  --action compact-pool
  --action &quot;add-device name=extra size=64M priority=5 at=30%&quot;
Kinds: swapoff, set-priority, set-pool, compact-device, compact-pool, writeback, set-policy, recompress, set-promotion, add-device. Values: true, false, numbers and quoted TOML strings are taken as such, anything else as text (sizes &quot;64M&quot;, durations &quot;30s&quot;, points &quot;50%&quot;, names); allowed_tiers takes a list &quot;fast,slow&quot; (empty: every tier), and pool.KEY=VALUE sets a key of a set-pool. add-device takes the keys of a [[device]] table (a relative path is in the device directory), and later --action options may name its device. An invalid SPEC ends the command with status 2 before anything runs.
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swaptier::services::CliApp</name>
    <message>
        <source>Exit codes:
  0  success
  1  runtime failure (engine error, failed verification, unwritable output or database,
     interrupted run)
  2  bad usage (unknown command or option, invalid option value, invalid scenario: nothing ran)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>swaptierctl: headless control of the swaptier virtual swap engine.

Commands (&quot;swaptierctl COMMAND --help&quot; for each):
  run SCENARIO        run a scenario in the sandbox and print its summary
  compare SCENARIO    run it with the virtual and the classic design, side by side
  scenarios [NAME]    list the built-in scenarios, or print one
  lint SCENARIO       check a scenario&apos;s swap setup for mistakes
  history --db FILE   list the recorded runs, or re-read one
  metrics --textfile DIR SCENARIO
                      run a scenario, keep a Prometheus textfile current
  import-trace LACKEY_LOG OUTPUT
                      convert a valgrind lackey memory trace for replay
  demo                drive a real engine directly with verified pages

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command to run: run, compare, scenarios, lint, history, metrics, import-trace or demo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &quot;%1 --help&quot; for usage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no command given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swaptier::services::CommandSupport</name>
    <message>
        <source>The command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &quot;%1 %2 --help&quot; for usage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the device directory &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create a temporary directory in &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the scenario is not valid; nothing was run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write the JSON report to &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swaptier::services::ComparisonRunner</name>
    <message>
        <source>virtual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>classic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create a directory for the comparison&apos;s swapfiles in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run in the %1 design failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swaptier::services::ConfigLint</name>
    <message>
        <source>%1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swap device &quot;%1&quot; is the zram device %2, behind the compressed pool (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zram compresses in memory as well: every page passes two compressors and pages written back from the pool stay in RAM; disable the pool or swap to a disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swap devices &quot;%1&quot; and &quot;%2&quot; share priority %3 but use different I/O modes (%4 and %5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices of equal priority take pages in turn, so each gets its share whatever its speed; give the device meant to be used first a higher priority.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cgroup &quot;%1&quot; has memory.zswap.writeback on, but its ancestor &quot;%2&quot; turns it off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memory.zswap.writeback is hierarchical: no page of this cgroup reaches a swap device while an ancestor turns it off, so its own setting has no effect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cgroup &quot;%1&quot; allows tier &quot;%2&quot;, which its ancestor &quot;%3&quot; does not allow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed tiers are hierarchical: a cgroup may use a tier only if every ancestor allows it, so this entry has no effect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier &quot;%1&quot; (priorities %2 to %3) holds no swap device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A cgroup names this tier in its allowed tiers, but no swap device has a priority in its range; give a device such a priority or allow another tier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cgroup names it, so nothing depends on it; a device with a priority in this range would join it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no swap device, and the classic design needs a device slot for every swapped page, pool pages included.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The compressed pool is disabled and there is no swap device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing can be swapped: every cgroup runs into its memory.max; add a swap device or enable the pool.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cgroup &quot;%1&quot; cannot swap in the classic design: none of its allowed tiers (%2) holds a swap device, and every swapped page needs a slot there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cgroup &quot;%1&quot; cannot swap: its memory.zswap.max is 0 and memory.zswap.writeback is off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cgroup &quot;%1&quot; cannot swap: the compressed pool is disabled and memory.zswap.writeback is off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cgroup &quot;%1&quot; cannot swap: its memory.zswap.max is 0 and none of its allowed tiers (%2) holds a swap device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cgroup &quot;%1&quot; cannot swap: the compressed pool is disabled and none of its allowed tiers (%2) holds a swap device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reclaim cannot take any page of it out of memory; enable the pool or writeback, or allow a tier with a device (memory.swap.max = 0 says &quot;never swap&quot; if that is meant).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cgroup &quot;%1&quot; may use no swap tier: its allowed tiers and its ancestors&apos; have none in common.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cgroup &quot;%1&quot; may only use swap tiers that hold no device (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its pages can only stay in the compressed pool or in memory; allow a tier that holds a swap device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The compressed pool has no size limit, so no page of cgroup &quot;%1&quot; ever reaches a swap device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An uncapped pool accepts every page, and only memory.zswap.max, writeback or idle writeback move pages on to the devices; set a pool limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cgroup &quot;%1&quot; has %2 resident, above its memory.max of %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reclaim could not bring it under the limit (the kernel would start killing processes); give it more swap room or raise memory.max.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cgroup &quot;%1&quot; has %2 on swap devices, above its memory.swap.max of %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cgroup &quot;%1&quot; has %2 swapped, above its memory.swap.max of %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Further swap-outs of the subtree are refused until its use drops below the limit; raise memory.swap.max or bring pages back in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cgroup &quot;%1&quot; holds %2 in the compressed pool, above its memory.zswap.max of %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New pages of the subtree go past the pool (or stay in memory when writeback is off) until its pool use drops; raise memory.zswap.max or write its pool pages back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of cgroup &quot;%2&quot; (%3) is above that of its ancestor &quot;%4&quot; (%5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limits are hierarchical: the subtree never gets more than the ancestor allows, so this limit never takes effect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The setting has no effect while the pool is disabled ([pool] enabled = false).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cgroup &quot;%1&quot; sets memory.zswap.max to %2, but the compressed pool is disabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refault promotion to the pool (device_to_pool) is on, but the compressed pool is disabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled maintenance writes back or recompresses pool pages, but the compressed pool is disabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promotion to a faster tier (device_to_faster_tier) is on, but fewer than two tiers hold swap devices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An entry only moves to a device of a tier above its own, so nothing is ever promoted; put devices in two tiers or turn the option off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>device %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tier %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cgroup %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swaptier::services::DemoCommand</name>
    <message>
        <source>Run &quot;%1 demo --help&quot; for usage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs the built-in demo workload against a real engine: a compressed pool and two swap files (a fast high-priority one and a slower one) in a temporary directory, worker threads swapping real pages (text, shared-library, zero and random pages) in and out for several cgroups, verifying every byte read back, duplicating and dropping references, moving entries between pool, devices and memory, and swapping off the fast device mid-run. At the end every entry is dropped, the engine must be empty and the temporary directory is removed.

Progress goes to stderr; the summary and the statistics report go to stdout.

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker threads, 1 to 64 (default %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages to swap out in all (default %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed of the page contents and the operation mix (default %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool codec: lz4, zstd or lzo (default %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool memory limit, e.g. 16M, 512K, 1G; 0 for none (default %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cgroups owning the pages (default %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also write the report as JSON to &lt;file&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directory for the temporary swap files (default: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the table of the pool&apos;s size classes to the report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No progress lines on stderr.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the demo workload.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--threads needs a whole number, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--pages needs a whole number, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--seed needs a whole number, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--cgroups needs a whole number, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown pool codec &quot;%1&quot;; use lz4, zstd or lzo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--pool-limit needs a size such as 16M, 512K or 1G, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine statistics after the workload, before teardown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write the JSON report to &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swaptier::services::DemoRun</name>
    <message>
        <source>(further failures not shown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swap-in of slot %1 (page %2, %3) failed: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slot %1 (page %2, cgroup %3, %4) read back from the %5 backend differs from what was swapped out, first at byte %6.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lookup of live slot %1 (page %2) failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slot %1 reports swap count %2 and cgroup %3; its owner holds %4 references for cgroup %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropping a reference to slot %1 (page %2) failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swap-out of page %1 (%2) for cgroup %3 failed: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicating slot %1 (page %2) failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving slot %1 (page %2) to %3 failed: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving a batch of %1 entries to %2 failed for %3 of them: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropping the cached page of slot %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swaptier::services::DemoWorkload</name>
    <message numerus="yes">
        <source>done: %n check(s) failed</source>
        <translation>
            <numerusform>done: %n check failed</numerusform>
            <numerusform>done: %n checks failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>FAILED: %n problem(s)</source>
        <translation>
            <numerusform>FAILED: %n problem</numerusform>
            <numerusform>FAILED: %n problems</numerusform>
        </translation>
    </message>
    <message>
        <source>the compressed pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any swap device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>swap device %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pool %1 (ratio %2), %3 device slots used, %4 live entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of threads must be between 1 and 64 (got %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of pages must be between 1 and 10000000 (got %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of cgroups must be between 1 and 1000 (got %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pool needs a compressing codec (zstd, lz4 or lzo), not &quot;raw&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The work directory &quot;%1&quot; does not exist or is not a directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The work directory &quot;%1&quot; is not writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loading the page corpus (text files, shared libraries)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the page corpus failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>page corpus: %1 text pages, %2 library pages; mix %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create a temporary directory in &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the engine failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding the fast swap device failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding the slow swap device failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>engine: %1 pool, limit %2; devices %3 (priority %4, %5) and %6 (priority %7, %8) in %9</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running %1 worker threads over %2 pages (seed %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>swapoff of device %1 (priority %2) while the workers run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swapoff of device %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>swapoff done: %1 entries, %2 to other devices, %3 to memory, %4 freed meanwhile, %5 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After swapoff with file removal, &quot;%1&quot; still exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1% (%2/%3 pages out): %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>workers done: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine reports %1 entries on its backends and %2 live slots; the workers hold %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verifying all %1 remaining entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After every reference was dropped, the %1 backend still holds %2 entries (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After every reference was dropped, %1 slots are live and the pool holds %2 objects.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After every reference was dropped, device %1 still has %2 used slots.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine counted %1 = %2, the workload did %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workload freed %1 entries but swapped out %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine counted %1 I/O errors and %2 corruptions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The swap file &quot;%1&quot; was not removed when the engine closed it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The temporary directory &quot;%1&quot; could not be removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The temporary directory &quot;%1&quot; was left behind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done: all checks passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>workload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 threads, %2 pages, seed %3, %4 pool, pool limit %5, %6 cgroups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>swapped out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 pages (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>swapped in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 verified byte for byte, %3 swap-cache hits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>references</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 duplicated, %2 dropped, %3 entries freed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 moved, %2 moved in batches, %3 skipped, %4 refused (no room), %5 busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lookups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cross-checked, %2 cached pages dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>swapoff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 entries moved off the fast device (%2 to devices, %3 to memory, %4 freed meanwhile) in %5 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>elapsed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s (%2 pages/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK: every page read back intact, the engine ended empty, no file left behind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>swaptier demo</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swaptier::services::EngineHost</name>
    <message>
        <source>A scenario is already running; stop it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The speed must be more than 0% and at most 100% of full speed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swaptier::services::ErrorText</name>
    <message>
        <source>No error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swap slot %1 does not exist: it was never allocated or its cluster has been released.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The swap slot does not exist: it was never allocated or its cluster has been released.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swap slot %1 is free: its entry was already released.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The swap slot is free: its entry was already released.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backend could take the page: the compressed pool refused it and no swap device has a free slot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The compressed pool is at its memory limit and refuses pages until its usage drops below the accept threshold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No swap device is available for this operation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swap device %1 does not exist: it was never added or has been removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The swap device does not exist: it was never added or has been removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swap device %1 has no free slot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The swap device has no free slot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading or writing &quot;%1&quot; failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A read or write failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file system holding &quot;%1&quot; is full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file system holding the swap file is full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored data of swap slot %1 is corrupt: it failed its checksum or could not be decompressed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored data is corrupt: it failed its checksum or could not be decompressed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A read or write of &quot;%1&quot; transferred fewer bytes than requested; the file may have been truncated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A read or write transferred fewer bytes than requested; the file may have been truncated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An argument is out of range or malformed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swap slot %1 is being moved by another operation; try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The entry is being moved by another operation; try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operation was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; already exists and is not a swaptier swap file; it was left untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file already exists and is not a swaptier swap file; it was left untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The policy of cgroup %1 (%2) does not allow this page there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown error (code %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>swap slot %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>swap device %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>byte offset %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(At %1.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system reported: %1 (errno %2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swaptier::services::HistoryCommand</name>
    <message numerus="yes">
        <source>%n samples:</source>
        <translation>
            <numerusform>%n sample:</numerusform>
            <numerusform>%n samples:</numerusform>
        </translation>
    </message>
    <message>
        <source>Lists the runs recorded with &quot;%1 run --db FILE&quot; (newest first). With a RUN id, prints that run and its samples over time: progress, counters, and the entries of every tier.

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sqlite history file (required).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print JSON: the list of runs, or the run with its report and samples.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A run id from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--db FILE is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RUN must be a run id from the list, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no history file &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>started (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>variant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>design</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No runs recorded in &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1: %2%3, %4 design, seed %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  source %1; host %2; swaptier %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  started %1, finished %2, status %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accesses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>swap-outs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>swap-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 entries</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swaptier::services::HistorySchema</name>
    <message>
        <source>schema version %1 does not exist (this build knows 1 to %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot start the migration: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database belongs to another application (application_id %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database has swaptier&apos;s application_id but no schema version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>schema version %1 is newer than %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot set the application id: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1 (%2) failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>migrating from schema version %1 to %2 failed, nothing was changed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> while reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> while writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> while syncing to disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> while truncating</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swaptier::services::HistoryStore</name>
    <message numerus="yes">
        <source>cannot write %n sample(s) of run %1</source>
        <translation>
            <numerusform>cannot write %n sample of run %1</numerusform>
            <numerusform>cannot write %n samples of run %1</numerusform>
        </translation>
    </message>
    <message>
        <source>the directory %1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the directory %1 is not writable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no run %1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no history database file was given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot open the history database: it is a directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot open the history database: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot write the history database: the file is read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not a swaptier history database: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the history database is damaged: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot open the history database: %2 (sqlite keeps its journal files next to the database)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot read the history database: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not a swaptier history database: it is a sqlite database of another application (it has tables but no application_id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not a swaptier history database: it belongs to another application (application_id 0x%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the history database has schema version %2, newer than this swaptier knows (%3); open it with a newer swaptier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot create the history database: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the history database is damaged (table %2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot switch the history database to write-ahead logging (journal mode %2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot configure the history database: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot record a run of design &quot;%2&quot;: the design must be &quot;virtual&quot; or &quot;classic&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot record a run with status &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot record run &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot finish run %2 with status &quot;%3&quot;: it must be &quot;done&quot;, &quot;failed&quot; or &quot;cancelled&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot finish run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: run %2 is already finished (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot list the runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the samples of run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: run %2 is damaged: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tier rows out of sample order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown backend &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cgroup rows out of sample order</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swaptier::services::HostRecorder</name>
    <message>
        <source>The application ended during the run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run is not recorded in the history: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history of this run is incomplete: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swaptier::services::ImportTraceCommand</name>
    <message>
        <source>Converts the memory trace of a real program, as printed by
  valgrind --tool=lackey --trace-mem=yes --log-file=LACKEY_LOG PROGRAM
into a swaptier trace (docs/trace-format.md). Replay it with a workload of kind &quot;trace&quot; in a scenario. Valgrind&apos;s own messages and the program&apos;s output in the log are skipped and counted.

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also record instruction fetches (as reads of their pages).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep a record equal to the one just before it (default: dropped).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lackey output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The trace file to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs LACKEY_LOG and OUTPUT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1: %2 records over %3 distinct pages (%4 loads, %5 stores, %6 modifies; %7 other lines skipped, %8 malformed).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swaptier::services::LintCommand</name>
    <message>
        <source>Checks the swap setup of a scenario for what an admin would want to know: a compressed pool in front of a zram device, equal priorities over devices that differ, settings an ancestor cgroup overrides, tiers and cgroups without a swap device, a pool without a limit, limits that never take effect. Each finding comes with a one-line explanation. Every variant of a sweep is checked; nothing is run or created. SCENARIO is a scenario file or the name of a built-in one (see &quot;%1 scenarios&quot;).

Exit codes:
  0  no warning (notices only, or nothing found)
  1  at least one warning
  2  bad usage (unknown option, invalid scenario: nothing was checked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the findings as JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check only this variant of a sweep (its label, e.g. &quot;mapped=48M&quot; or &quot;48M&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario file or built-in name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no scenario given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the scenario has no variant &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no findings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: warnings: %2, notices: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swaptier::services::MetricsCommand</name>
    <message>
        <source>Runs SCENARIO in the sandbox and writes its tier and cgroup figures in the Prometheus text format to DIR/%1, for node_exporter&apos;s textfile collector (--collector.textfile.directory=DIR). The file is replaced atomically at every sample and at the end, so the collector never reads half a file. Label cardinality is bounded: beyond --max-cgroups cgroups the smallest are summed into cgroup=&quot;other&quot;. The metrics are described in docs/metrics.md.

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The textfile collector directory (required).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the file in DIR, ending in .prom (default %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cgroups with their own series (default %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario file or built-in name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--textfile DIR is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no scenario given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--file-name must be a file name ending in .prom, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--max-cgroups needs a whole number &gt;= 0, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the textfile directory &quot;%1&quot; does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swaptier::services::ProgressReporter</name>
    <message>
        <source>k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>M</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>G</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ETA --</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 accesses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 swap-outs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refaults</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swaptier::services::PrometheusExporter</name>
    <message>
        <source>Invalid metrics file name &quot;%1&quot;: it must be a plain, visible file name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create a temporary file in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot replace %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was replaced, but its directory cannot be opened to flush it: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was replaced, but its directory cannot be flushed to disk: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swaptier::services::RunCommand</name>
    <message>
        <source>Runs a scenario in the sandbox: simulated processes in cgroups with memory limits, a reclaimer swapping real pages through the swap design, every page that comes back checked byte for byte. SCENARIO is a scenario file or the name of a built-in one (see &quot;%1 scenarios&quot;). A scenario with a sweep runs once per value.

Progress goes to stderr (a bar on a terminal), the summary to stdout; the summary lists what each action did.

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs a scenario twice per variant, with the virtual design (virtual swap slots in the page tables) and with the classic design (physical locations in the page tables, a disk slot reserved for every compressed page, swapoff walking every page table), same workload and seed, and prints a table of the differences, and one per action (pages moved and written, write calls, page-table entries walked, disk reserved, time). For a sweep it also prints the swapoff cost per variant.

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the full report as JSON to &lt;file&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the run and its samples (per tier and per cgroup) in the sqlite history &lt;file&gt; (created if missing).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario file or built-in name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no scenario given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: virtual and classic design, seed %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swaptier::services::SampleRecorder</name>
    <message numerus="yes">
        <source>%1; in all, %n recorded sample(s) could not be written</source>
        <translation>
            <numerusform>%1; in all, %n recorded sample could not be written</numerusform>
            <numerusform>%1; in all, %n recorded samples could not be written</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>swaptier::services::SandboxSummary</name>
    <message numerus="yes">
        <source>Teardown: every process exited; %n entries left in the swap design.</source>
        <translation>
            <numerusform>Teardown: every process exited; %n entry left in the swap design.</numerusform>
            <numerusform>Teardown: every process exited; %n entries left in the swap design.</numerusform>
        </translation>
    </message>
    <message>
        <source>max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 us</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pages moved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pages written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PTEs walked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reclaimed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disk reserved before -&gt; after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (device %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 -&gt; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>virtual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>classic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>classic / virtual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>page-table entries walked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bytes reclaimed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wall time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action %1: %2 at %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed in the virtual design: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed in the classic design: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  seed %1, %2 rounds, %3 wall, %4 CPU, %5 accesses/s%6
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (cancelled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (cut short by the duration)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accesses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>writes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first-touch faults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>swap-in faults (major)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refaults (workingset)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refault activations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>swap-outs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pages scanned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>copy-on-write breaks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reclaim failures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>charges past memory.max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>swap.max hits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pages verified byte for byte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pages in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pages out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>swapped off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiers at the end of the workload:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cgroup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memory.max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>peak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>swapped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>swap-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cgroups (resident and peak include the subtree):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>design figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>swap metadata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disk reserved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pages written to disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pages read from disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>swapoff of device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mapped pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some pages could not be swapped out and stayed resident (first refusal: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elapsed time of the whole run, workload and actions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processor time the process used during the run, all threads together.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page accesses the workload made: the same work in both designs (same workload and seed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages the reclaimer swapped out (to zero pages, the pool or swapfiles).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>swap-in faults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faults on swapped pages that brought them back (major faults).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swap-ins of pages that were evicted while still in use (workingset refaults).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4 KiB pages written to the swapfiles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4 KiB pages read back from the swapfiles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disk reserved (peak)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most swapfile space taken at once. The classic design reserves a swapfile slot for every compressed page, even one that never reaches the disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disk reserved (end)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swapfile space taken after the last access, before the processes exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>swap metadata (peak)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most memory the swap bookkeeping took at once: descriptors or swap maps, the pool&apos;s index, reverse maps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>swapoff time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elapsed time of every swapoff of the run together.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>swapoff page-table entries walked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page-table entries swapoff had to visit. The classic design walks every page table to find the entries of the device; the virtual design changes only the descriptors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>variant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>swapped entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>virtual swapoff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>classic swapoff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>classic PTEs walked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swapoff cost as the mapped area grows:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pages written back from the pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pool writebacks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages the compressed pool wrote back to the swapfiles to make room or by request (zswpwb).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swaptier::services::ScenarioCommandOptions</name>
    <message>
        <source>Swap design: virtual or classic (default: the scenario&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed of the workload (default: the scenario&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directory for the scenario&apos;s swapfiles (default: a temporary directory).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run only this variant of a sweep (its label, e.g. &quot;mapped=48M&quot; or &quot;48M&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No progress on stderr.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an action to the scenario, such as &quot;writeback cgroup=/batch at=50% max_pages=4096&quot; (repeatable; see above).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>spec</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown design &quot;%1&quot;; use virtual or classic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--seed needs a whole number, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the scenario has no variant &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swaptier::services::ScenarioParser</name>
    <message>
        <source>TOML syntax error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such file, and no built-in scenario of that name (built-ins: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this is a directory, not a scenario file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the scenario file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not apply to kind = &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsupported action kind in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;start&quot;, &quot;end&quot;, a percentage such as &quot;50%&quot; or a number between 0 and 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a table such as { codec = &quot;zstd&quot;, limit = &quot;32M&quot; }</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recompression compresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>device name &apos;%1&apos; may only use letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate device name &apos;%1&apos;: the scenario has a device of that name already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>device &apos;%1&apos; uses the same swapfile as device &apos;%2&apos;: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>device &apos;%1&apos; is added at %2, after this action runs (at %3): an action may only name a device added at the same point or before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kind = &quot;%1&quot; in %2 changes nothing: give at least one of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the top-level table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a table ([pool])</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a scenario needs at least one [[workload]]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the integer 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>format %1 is not supported: this version of swaptier reads format = 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a table ([content])</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an array of file paths</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate device name &apos;%1&apos; (first defined on line %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate tier name &apos;%1&apos; (first defined on line %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tier name &apos;%1&apos; may only use lowercase letters, digits, &apos;_&apos; and &apos;-&apos;, at most 32 of them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a scenario has at most %1 [[tier]] tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be at least min_priority (%2), not %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; (%2..%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no tier holds priorities %1..%2: the highest range, tier %3, must end at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no tier holds priorities %1..%2: the lowest range, tier %3, must start at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the ranges of tiers %1 and %2 overlap; a priority belongs to one tier only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tiers %1 and %2 leave priorities %3..%4 without a tier; the ranges must cover %5..%6 with no gap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the root cgroup &apos;/&apos; is given twice (first on line %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the root cgroup &apos;/&apos; has no parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate cgroup name &apos;%1&apos; (first defined on line %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cgroup &apos;%1&apos; cannot be its own parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parent cgroup &apos;%1&apos; is defined later in the file; define a parent before its children</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown parent cgroup &apos;%1&apos;%2 (cgroups: %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate workload name &apos;%1&apos; (first defined on line %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be at most 16T (2^32 pages)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must not be 1 (the zipfian generator needs theta != 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the workloads have %1 threads in all; a sandbox runs at most %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memory_max of cgroup &apos;%1&apos; must be at least %2 bytes: 16 pages for each of the %3 threads of the workloads in it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a table ([promotion])</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a table ([maintenance])</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, did you mean &apos;%1&apos;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a pool compresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a whole percentage between 1 and 100 (90 or &quot;90%&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a codec name (&quot;lz4&quot;, &quot;zstd&quot; or &quot;lzo&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown codec &apos;%1&apos; in %2: %3 with &quot;lz4&quot;, &quot;zstd&quot; or &quot;lzo&quot;%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be at most 584 years (2^64 nanoseconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a size per hour; expected a size such as &quot;1G&quot; or &quot;512M/h&quot;, or &quot;max&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an array of tier names such as [&quot;fast&quot;, &quot;slow&quot;]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must name at least one tier; leave it out to allow every tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>each tier in %1 must be a string, not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown tier &apos;%1&apos; in %2 (the scenario has no [[tier]], so its only tier is &quot;default&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown tier &apos;%1&apos; in %2%3 (tiers: %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tier &apos;%1&apos; is listed twice in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown cgroup &apos;%1&apos; in %2%3 (cgroups: %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>device &apos;%1&apos; has the relative path &apos;%2&apos;, but no device directory was given; give an absolute path or a device directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown device &apos;%1&apos; in %2 (the scenario has no [[device]])</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown device &apos;%1&apos; in %2%3 (devices: %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a table ([sweep])</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an array of values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;values&apos; in [sweep] needs at least one value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad sweep key &apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a top-level key must be one of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[%1] has no key &apos;%2&apos; (known: %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a top-level key, pool.&lt;key&gt;, content.&lt;key&gt;, promotion.&lt;key&gt;, maintenance.&lt;key&gt;, device.&lt;name&gt;.&lt;key&gt;, cgroup.&lt;name&gt;.&lt;key&gt; or workload.&lt;name&gt;.&lt;key&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected %1.&lt;name&gt;.&lt;key&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[[%1]] has no key &apos;%2&apos; that a sweep can vary (known: %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no [[%1]] named &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown key &apos;%1&apos; in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(known: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing required key &apos;%1&apos; in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an integer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>above %1 and at most %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>between %1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must not be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be a single line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a size of 0 bytes or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a size; expected a number of bytes or a number with K, M, G or T (such as &quot;64M&quot;)%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, or &quot;max&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a size (a number of bytes, or a string such as &quot;64M&quot; or &quot;max&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a size (a number of bytes, or a string such as &quot;64M&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be at least one page (4096 bytes), not %2 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be a whole number of 4096-byte pages, not %2 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 or more milliseconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a duration; expected whole milliseconds such as &quot;250ms&quot;, &quot;30s&quot; or &quot;2m&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a duration (milliseconds, or a string such as &quot;250ms&quot;, &quot;30s&quot; or &quot;2m&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a page mix; expected weights such as &quot;zero=20,text=40,binary=25,random=15&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a table of weights such as { zero = 20, text = 80 }</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs at least one weight above 0 (classes: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a file path (a string)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no such file &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an array of tables ([[%1]])</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>each &apos;%1&apos; must be a table ([[%1]]), not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a floating-point number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a date-time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be %2, not %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be one of %2, not &quot;%3&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; did you mean &quot;%1&quot;?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swaptier::services::ScenarioRunner</name>
    <message numerus="yes">
        <source>%n swap entries were left in the swap design after every process exited.</source>
        <translation>
            <numerusform>%n swap entry was left in the swap design after every process exited.</numerusform>
            <numerusform>%n swap entries were left in the swap design after every process exited.</numerusform>
        </translation>
    </message>
    <message>
        <source>The scenario is not valid: field %1 is out of range or inconsistent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interrupted: the run was cancelled before its end.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swaptier::services::ScenarioWriter</name>
    <message>
        <source>&apos;%1&apos; is %2 ns, but a scenario file holds whole milliseconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a finite number, not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;at&apos; must be between 0 and 1, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; = %2 is too large for a scenario file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;size&apos; = %1 pages is too large for a scenario file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the scenario&apos;s name must be one line and not empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the description must be a single line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there are %1 device names for %2 devices; a scenario names every device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the first cgroup must be the root, named &quot;/&quot; with no parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no cgroup %1 (the scenario has %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its parent must be a cgroup listed before it, not cgroup %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the written text would not load back (line %1: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the written text would load back differently: %1 would be %2 instead of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot save the scenario to &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it names the device added by an add-device action without a name; give that device a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no device %1 (the scenario has %2, and %3 added by earlier actions)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swaptier::services::ScenariosCommand</name>
    <message>
        <source>Lists the built-in scenarios. With a NAME, prints that scenario&apos;s TOML text: save it to a file, edit it and run it with &quot;%1 run FILE&quot;. The format is described in docs/scenario-format.md.

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A built-in scenario to print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no built-in scenario &quot;%1&quot; (there are: %2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swaptier::services::StatsReport</name>
    <message>
        <source>backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(level %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, accepting again below %2%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compressed pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>codec</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 stored raw)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>original bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stored bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pool bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in %2 zspages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compression ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>allocator efficiency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>effective ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes (refusing stores)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>limit hits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>allocator metadata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>class size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pages/zspage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>objects/zspage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zspages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swap devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>used slots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>writes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>errors r/w/crc/discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>discards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>direct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>buffered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write-behind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>draining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Descriptors (virtual slot table)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>live entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clusters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>metadata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>metadata per entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overflow swap counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>swap-cache pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cgroups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cgroup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swaptier::services::Units</name>
    <message>
        <source>%1 B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 TiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
