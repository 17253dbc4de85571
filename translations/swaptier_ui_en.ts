<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>swaptier::ui::ActionLogModel</name>
    <message>
        <source>swapoff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compact swapfile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compact pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write back now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set cgroup policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recompress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set promotion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add swapfile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moved %1 pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrote %1 pages in %2 writes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gave back %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the run ended first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swaptier::ui::AddDeviceDialog</name>
    <message>
        <source>Add a swapfile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto (direct where possible)</source>
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
        <source>Name shown for the swapfile; also its file name in the run&apos;s swapfile directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usable size of the swapfile, e.g. 64M or 1G.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swapon priority: higher is used first; the tier follows from it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;I/O:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (not starting with &apos;.&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run has a swapfile named &quot;%1&quot; already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a size: write e.g. 64M or 1G.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A swapfile needs at least 1M.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swaptier::ui::CgroupBarChart</name>
    <message>
        <source>&amp;Largest cgroups:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many cgroups get a bar of their own; the rest are summed in &quot;other&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of cgroups shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swapped pages per cgroup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each cgroup&apos;s own swapped pages (not its descendants&apos;), by where they live.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zero pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compressed pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>swapfiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>swapped pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other (%1 more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tier %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>swapfiles, no tier</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swaptier::ui::CgroupModel</name>
    <message>
        <source>max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cgroup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memory.max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swapped pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swapfiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swap-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cgroup; its children are below it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory the cgroup and its descendants use now (memory.current).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cgroup&apos;s memory limit (memory.max).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages of this cgroup (not its descendants) that are swapped out, wherever they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swapped pages that were all zeros: they take no storage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swapped pages in the compressed pool.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swapped pages on swapfiles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swapped pages the swap design keeps in memory (after a swapoff with nowhere else to go).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compressed bytes this cgroup&apos;s pages take in the pool.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page faults that read a swapped page back (pgmajfault).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swapped pages on the swapfiles of tier %1 (the devices whose priority lies in its range).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>swap.max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zswap.max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writeback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed tiers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memory.swap.max: the most swapped bytes of the cgroup and its descendants, wherever they are. Change it in the Setup tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memory.zswap.max: the most compressed-pool bytes of the cgroup and its descendants.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memory.zswap.writeback: whether the cgroup&apos;s pages may go to swapfiles. Off in an ancestor turns it off here too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The swap tiers the cgroup&apos;s pages may use; an ancestor&apos;s list narrows it further.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swaptier::ui::CgroupPolicyEditor</name>
    <message>
        <source>Write pool pages back to swapfiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cgroup whose swap policy is shown and edited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memory.swap.max: most bytes of swapped pages of this cgroup and its descendants, wherever they are stored. &quot;max&quot; for no limit; sizes like 512M or 2G.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memory.zswap.max: most bytes the compressed pool may hold for this subtree. &quot;max&quot; for no limit, 0 to keep its pages out of the pool.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memory.zswap.writeback: when off, this subtree&apos;s pool pages are never written to a swapfile (an ancestor that turns it off wins).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The swap tiers this subtree may use; a tier counts only if every ancestor allows it too. All checked: every tier, including tiers added later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swap limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed tiers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cgroup:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Swap limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pool limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tiers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is running: start a scenario first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a limit: write max, or a size such as 512M or 2G.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a limit: write max, or a size such as 64M (0 keeps pages out of the pool).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow at least one tier. To keep this cgroup&apos;s pages off every swapfile, turn writeback off instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to apply: the fields hold the current policy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the swap policy of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swaptier::ui::ComparisonChart</name>
    <message>
        <source>Classic design relative to the virtual design</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each cost of the classic design divided by the same cost of the virtual design: a bar above the dashed line at 1 means the classic design needed more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>virtual design</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>classic design</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>classic / virtual</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swaptier::ui::ComparisonModel</name>
    <message>
        <source>%1x</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The work itself, not a cost: the same workload and seed make it equal in both designs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both designs needed the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the classic design paid this cost; the virtual design needed none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The virtual design did better: the classic design needed %1 times as much.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The classic design did better: it needed %1% of what the virtual design needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Virtual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classic / virtual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is compared; hover over a figure for what it counts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The virtual design: virtual swap slots in the page tables (this engine).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The classic design: physical swap locations in the page tables, a swapfile slot reserved for every compressed page, swapoff walking every page table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The classic figure divided by the virtual one: above 1 the classic design needed more.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swaptier::ui::ComparisonView</name>
    <message>
        <source>&amp;Compare designs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cance&amp;l</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs the scenario twice, in the virtual and in the classic design, with the same workload and seed, and compares what each design cost. The live run&apos;s swapfiles are not touched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stops the comparison; the last result stays shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparison progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No comparison yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figures of both designs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The comparison failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparison cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparing &quot;%1&quot;: starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparing &quot;%1&quot;: running the %2 design…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compared &quot;%1&quot; in both designs, seed %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scenario&apos;s duration cut a run short: the two designs did not do the same work, so the figures are not comparable one to one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No scenario loaded: load one to compare its run in both designs.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swaptier::ui::DeviceOrderEditor</name>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swapfiles in the order the engine uses them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag a row to rank the swapfile, or press F2 on its priority to change it. Higher priorities fill first; equal priorities take turns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag a row to change the order, or edit a priority (F2). Ctrl+Z undoes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>device %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the priority of %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is running: start a scenario first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no room for that order within the priorities -1 to 32767.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move %1 to place %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swaptier::ui::DeviceRankModel</name>
    <message>
        <source>Swapon priority (-1 to 32767). Higher is used first; equal priorities take turns. Double-click or press F2 to change it, or drag the row to another place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The swap tier whose priority range holds this device&apos;s priority.</source>
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
        <source>auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order in which the engine fills the swapfiles (devices of equal priority share a rank).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swapon priority: higher first, equal ones round-robin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tier whose priority range holds the device&apos;s priority.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direct I/O bypasses the page cache; buffered writes go through it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes of the swapfile&apos;s slots that hold pages now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swapfile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I/O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swaptier::ui::HistoryBrowser</name>
    <message>
        <source>&amp;Choose file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History &amp;file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open another history database, such as one written by &quot;swaptierctl run --db FILE&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the list of runs again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the chosen run in the history chart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a history file to see its runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: there is no such history file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file cannot be shown. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no runs yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a history file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History databases (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This run cannot be shown. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 in %2 has no samples to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 of %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swaptier::ui::HistoryChart</name>
    <message>
        <source>last minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last 10 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to &amp;live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the live run again; its history was kept while this run was shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;how:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much of the run&apos;s history to show. Long spans are drawn from 1-second and 10-second averages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History span</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>swapped pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pages per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds since start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accesses per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>swap-outs/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>swap-ins/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accesses/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zero pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compressed pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top: swapped pages in each place and in each swap tier (dashed) over time, and the compression ratio of the pool (right axis). Bottom: pages swapped out, swapped in and written back from the pool to swapfiles, and page accesses, per second. Drag to pan, wheel to zoom.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pool ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>writebacks/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tier %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swaptier::ui::HistoryRunModel</name>
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
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
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
        <source>%1 [%2]</source>
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
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Design</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run&apos;s number in this history file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scenario that ran, with its variant in brackets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The swap design: virtual swap slots or the classic kernel design.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the run started (local time).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long the run took; empty while it is still running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many samples of the run&apos;s state were recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whether the run finished, was cancelled, failed or is still running.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swaptier::ui::LintModel</name>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: the setup does not work as configured. Notice: a setting has no effect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device, tier, cgroup or part of the configuration the finding is about.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was found; hover over a row for why it matters and what to do.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swaptier::ui::MainWindow</name>
    <message>
        <source>swaptier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tiers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cgroup tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter cgroups by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cgroup filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cgroups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Occupancy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;etup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classic &amp;vs virtual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where swapped pages live: each place with its size, use, compression and traffic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each cgroup&apos;s pages per place, limits and policy; type to filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swapped pages per cgroup, the largest first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages per place and swap rates over time; older runs from the history file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the running setup: swapfile order and priorities, cgroup policy, pool.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same scenario in the classic and the virtual design, side by side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setup warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setup mistakes found in the running setup; hover for the explanation, double-click or press Enter to go to the setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a scenario and press Start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start the scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open scenario…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run a scenario file (TOML, see docs/scenario-format.md).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save setup as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the running setup, with your changes, as a scenario file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Record runs in the history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write every sample of each run to the history file, to open it again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compact &amp;pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repack the compressed pool&apos;s size classes and give back the memory of emptied pages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compressed pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Write back now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the pool pages of the cgroup selected in the Cgroups tab (and its descendants; the root if none is selected) to the swapfiles now, oldest first, in large writes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cgroup %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compact &amp;swapfile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the swapfile&apos;s live slots to its start and shrink the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swap&amp;off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty a swapfile and remove it: its pages move to the other tiers (no page table is walked).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add swapfile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a swapfile and swap it on in the running sandbox; Swapoff removes one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the action selected in the log: a queued one does not run, a running writeback or compaction stops at its next batch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no swapfile)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is running: start a scenario first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create a directory for the swapfiles in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every access made; the run stays for actions until you press Stop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished after %1 rounds and %2 page accesses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lint (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenarios (*.toml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing has run yet: start a scenario first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the setup as a scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenarios (*.toml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the setup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the setup to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swaptier::ui::PoolEditor</name>
    <message>
        <source>Compress swapped pages in memory first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;pply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rever&amp;t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zswap&apos;s enabled: swapped pages go to the compressed pool before any swapfile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The compressor of new pool pages: zstd packs best, lz4 and lzo are faster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zstd&apos;s level: higher packs better and costs more CPU time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most memory the pool may take, e.g. 256M; &quot;none&quot; or 0 for no cap. When full, pages go to the swapfiles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After the pool was full it takes pages again only below this share of its limit (zswap&apos;s accept_threshold_percent).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codec</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zstd level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool size limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;odec:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zstd &amp;level:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept &amp;again below:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is running: start a scenario first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a size: write e.g. 256M or 1G, or none for no cap.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A pool limit below 64K holds almost nothing; write at least 64K, or none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to apply: the fields hold the current pool settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the compressed pool settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compressed pool</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swaptier::ui::SetupPage</name>
    <message>
        <source>Swapfiles and tiers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes (select one to undo back to it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;started setup&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes made to the setup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cgroup swap policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compressed pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is running: start a scenario first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This change cannot be undone, so it is not made from here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swaptier::ui::SourceBar</name>
    <message>
        <source>&amp;Scenario:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built-in sandbox scenario to run: simulated processes and cgroups driving the real swap engine with real page bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the scenario (a running one is stopped first).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause the workload between two rounds; actions still run while paused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the run and remove its swapfiles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of full speed: below 100% each round is followed by a wait, so changes are easier to follow. The counts of the run do not change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;peed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done, held for actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of the scenario&apos;s planned page accesses made so far.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State of the run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%p%</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swaptier::ui::TierModel</name>
    <message>
        <source>zero pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compressed pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swapfile %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where swapped pages live: zero pages (no storage), the compressed pool, pages kept in memory, or a swapfile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The swap tier whose priority range holds the swapfile&apos;s priority.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The swapfile&apos;s size, or the compressed pool&apos;s limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swapped pages stored here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The original size of those pages (4 KiB each).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What they take here: compressed bytes in the pool, 4 KiB slots on a swapfile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compression ratio: stored bytes divided by resident bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resident bytes as a share of the capacity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages read from here per second: swap-ins and pages moved elsewhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages stored here per second: swap-outs, writeback and pages moved here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
