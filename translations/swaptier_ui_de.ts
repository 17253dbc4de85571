<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>swaptier::ui::ActionLogModel</name>
    <message>
        <source>swapoff</source>
        <translation>swapoff</translation>
    </message>
    <message>
        <source>set priority</source>
        <translation>Priorität festlegen</translation>
    </message>
    <message>
        <source>set pool</source>
        <translation>Pool festlegen</translation>
    </message>
    <message>
        <source>compact swapfile</source>
        <translation>Swapdatei kompaktieren</translation>
    </message>
    <message>
        <source>compact pool</source>
        <translation>Pool kompaktieren</translation>
    </message>
    <message>
        <source>write back now</source>
        <translation>jetzt zurückschreiben</translation>
    </message>
    <message>
        <source>set cgroup policy</source>
        <translation>cgroup-Richtlinie festlegen</translation>
    </message>
    <message>
        <source>recompress</source>
        <translation>neu komprimieren</translation>
    </message>
    <message>
        <source>set promotion</source>
        <translation>Hochstufung festlegen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>moved %1 pages</source>
        <translation>%1 Seiten verschoben</translation>
    </message>
    <message>
        <source>wrote %1 pages in %2 writes</source>
        <translation>%1 Seiten in %2 Schreibvorgängen geschrieben</translation>
    </message>
    <message>
        <source>gave back %1</source>
        <translation>%1 zurückgegeben</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>the run ended first</source>
        <translation>der Lauf endete vorher</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>in Warteschlange</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>add swapfile</source>
        <translation>Swapdatei hinzufügen</translation>
    </message>
</context>
<context>
    <name>swaptier::ui::AddDeviceDialog</name>
    <message>
        <source>Add a swapfile</source>
        <translation>Swapdatei hinzufügen</translation>
    </message>
    <message>
        <source>auto (direct where possible)</source>
        <translation>auto (wo möglich direkt)</translation>
    </message>
    <message>
        <source>direct</source>
        <translation>direkt</translation>
    </message>
    <message>
        <source>buffered</source>
        <translation>gepuffert</translation>
    </message>
    <message>
        <source>Name shown for the swapfile; also its file name in the run&apos;s swapfile directory.</source>
        <translation>Name der Swapdatei; zugleich ihr Dateiname im Swapdatei-Verzeichnis des Laufs.</translation>
    </message>
    <message>
        <source>Usable size of the swapfile, e.g. 64M or 1G.</source>
        <translation>Nutzbare Größe der Swapdatei, z. B. 64M oder 1G.</translation>
    </message>
    <message>
        <source>Swapon priority: higher is used first; the tier follows from it.</source>
        <translation>Swapon-Priorität: Höhere wird zuerst genutzt; die Stufe ergibt sich daraus.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Size:</source>
        <translation>&amp;Größe:</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>&amp;Priorität:</translation>
    </message>
    <message>
        <source>Tier:</source>
        <translation>Stufe:</translation>
    </message>
    <message>
        <source>&amp;I/O:</source>
        <translation>&amp;I/O:</translation>
    </message>
    <message>
        <source>Use 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (not starting with &apos;.&apos;).</source>
        <translation>Verwenden Sie 1 bis 64 Buchstaben, Ziffern, &apos;.&apos;, &apos;_&apos; oder &apos;-&apos; (nicht mit &apos;.&apos; beginnend).</translation>
    </message>
    <message>
        <source>The run has a swapfile named &quot;%1&quot; already.</source>
        <translation>Der Lauf hat bereits eine Swapdatei namens &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a size: write e.g. 64M or 1G.</source>
        <translation>&quot;%1&quot; ist keine Größe: Geben Sie z. B. 64M oder 1G ein.</translation>
    </message>
    <message>
        <source>A swapfile needs at least 1M.</source>
        <translation>Eine Swapdatei benötigt mindestens 1M.</translation>
    </message>
</context>
<context>
    <name>swaptier::ui::CgroupBarChart</name>
    <message>
        <source>&amp;Largest cgroups:</source>
        <translation>&amp;Größte cgroups:</translation>
    </message>
    <message>
        <source>How many cgroups get a bar of their own; the rest are summed in &quot;other&quot;.</source>
        <translation>Wie viele cgroups einen eigenen Balken erhalten; die übrigen werden unter „andere“ zusammengefasst.</translation>
    </message>
    <message>
        <source>Number of cgroups shown</source>
        <translation>Anzahl angezeigter cgroups</translation>
    </message>
    <message>
        <source>Swapped pages per cgroup</source>
        <translation>Ausgelagerte Seiten pro cgroup</translation>
    </message>
    <message>
        <source>Each cgroup&apos;s own swapped pages (not its descendants&apos;), by where they live.</source>
        <translation>Die eigenen ausgelagerten Seiten jeder cgroup (nicht die ihrer Nachfahren), nach Speicherort.</translation>
    </message>
    <message>
        <source>zero pages</source>
        <translation>Nullseiten</translation>
    </message>
    <message>
        <source>compressed pool</source>
        <translation>komprimierter Pool</translation>
    </message>
    <message>
        <source>swapfiles</source>
        <translation>Swapdateien</translation>
    </message>
    <message>
        <source>in memory</source>
        <translation>im Speicher</translation>
    </message>
    <message>
        <source>swapped pages</source>
        <translation>ausgelagerte Seiten</translation>
    </message>
    <message>
        <source>other (%1 more)</source>
        <translation>andere (%1 weitere)</translation>
    </message>
    <message>
        <source>tier %1</source>
        <translation>Stufe %1</translation>
    </message>
    <message>
        <source>swapfiles, no tier</source>
        <translation>Swapdateien ohne Stufe</translation>
    </message>
</context>
<context>
    <name>swaptier::ui::CgroupModel</name>
    <message>
        <source>max</source>
        <translation>max</translation>
    </message>
    <message>
        <source>Cgroup</source>
        <translation>cgroup</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>memory.max</source>
        <translation>memory.max</translation>
    </message>
    <message>
        <source>Swapped pages</source>
        <translation>Ausgelagerte Seiten</translation>
    </message>
    <message>
        <source>Zero</source>
        <translation>Null</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>Pool</translation>
    </message>
    <message>
        <source>Swapfiles</source>
        <translation>Swapdateien</translation>
    </message>
    <message>
        <source>In memory</source>
        <translation>Im Speicher</translation>
    </message>
    <message>
        <source>Pool bytes</source>
        <translation>Pool-Bytes</translation>
    </message>
    <message>
        <source>Swap-ins</source>
        <translation>Swap-ins</translation>
    </message>
    <message>
        <source>The cgroup; its children are below it.</source>
        <translation>Die cgroup; ihre Kinder stehen darunter.</translation>
    </message>
    <message>
        <source>Memory the cgroup and its descendants use now (memory.current).</source>
        <translation>Speicher, den die cgroup und ihre Nachfahren derzeit belegen (memory.current).</translation>
    </message>
    <message>
        <source>The cgroup&apos;s memory limit (memory.max).</source>
        <translation>Das Speicherlimit der cgroup (memory.max).</translation>
    </message>
    <message>
        <source>Pages of this cgroup (not its descendants) that are swapped out, wherever they are.</source>
        <translation>Seiten dieser cgroup (nicht ihrer Nachfahren), die ausgelagert sind, egal wo sie liegen.</translation>
    </message>
    <message>
        <source>Swapped pages that were all zeros: they take no storage.</source>
        <translation>Ausgelagerte Seiten, die nur Nullen enthielten: Sie belegen keinen Speicherplatz.</translation>
    </message>
    <message>
        <source>Swapped pages in the compressed pool.</source>
        <translation>Ausgelagerte Seiten im komprimierten Pool.</translation>
    </message>
    <message>
        <source>Swapped pages on swapfiles.</source>
        <translation>Ausgelagerte Seiten auf Swapdateien.</translation>
    </message>
    <message>
        <source>Swapped pages the swap design keeps in memory (after a swapoff with nowhere else to go).</source>
        <translation>Ausgelagerte Seiten, die das Swap-Design im Speicher behält (nach einem swapoff ohne anderes Ziel).</translation>
    </message>
    <message>
        <source>Compressed bytes this cgroup&apos;s pages take in the pool.</source>
        <translation>Komprimierte Bytes, die die Seiten dieser cgroup im Pool belegen.</translation>
    </message>
    <message>
        <source>Page faults that read a swapped page back (pgmajfault).</source>
        <translation>Seitenfehler, die eine ausgelagerte Seite zurücklesen (pgmajfault).</translation>
    </message>
    <message>
        <source>Tier %1</source>
        <translation>Stufe %1</translation>
    </message>
    <message>
        <source>Swapped pages on the swapfiles of tier %1 (the devices whose priority lies in its range).</source>
        <translation>Ausgelagerte Seiten auf den Swapdateien der Stufe %1 (den Geräten, deren Priorität in ihrem Bereich liegt).</translation>
    </message>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>every tier</source>
        <translation>alle Stufen</translation>
    </message>
    <message>
        <source>swap.max</source>
        <translation>swap.max</translation>
    </message>
    <message>
        <source>zswap.max</source>
        <translation>zswap.max</translation>
    </message>
    <message>
        <source>Writeback</source>
        <translation>Writeback</translation>
    </message>
    <message>
        <source>Allowed tiers</source>
        <translation>Erlaubte Stufen</translation>
    </message>
    <message>
        <source>memory.swap.max: the most swapped bytes of the cgroup and its descendants, wherever they are. Change it in the Setup tab.</source>
        <translation>memory.swap.max: höchstens so viele ausgelagerte Bytes der cgroup und ihrer Nachfahren, egal wo sie liegen. Ändern Sie es im Reiter Konfiguration.</translation>
    </message>
    <message>
        <source>memory.zswap.max: the most compressed-pool bytes of the cgroup and its descendants.</source>
        <translation>memory.zswap.max: höchstens so viele Bytes im komprimierten Pool für die cgroup und ihre Nachfahren.</translation>
    </message>
    <message>
        <source>memory.zswap.writeback: whether the cgroup&apos;s pages may go to swapfiles. Off in an ancestor turns it off here too.</source>
        <translation>memory.zswap.writeback: ob die Seiten der cgroup in Swapdateien gelangen dürfen. Ist es bei einem Vorfahren aus, ist es auch hier aus.</translation>
    </message>
    <message>
        <source>The swap tiers the cgroup&apos;s pages may use; an ancestor&apos;s list narrows it further.</source>
        <translation>Die Swap-Stufen, die die Seiten der cgroup nutzen dürfen; die Liste eines Vorfahren schränkt sie weiter ein.</translation>
    </message>
</context>
<context>
    <name>swaptier::ui::CgroupPolicyEditor</name>
    <message>
        <source>Write pool pages back to swapfiles</source>
        <translation>Writeback von Pool-Seiten in Swapdateien</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Übernehmen</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>&amp;Zurücksetzen</translation>
    </message>
    <message>
        <source>The cgroup whose swap policy is shown and edited.</source>
        <translation>Die cgroup, deren Swap-Richtlinie angezeigt und bearbeitet wird.</translation>
    </message>
    <message>
        <source>memory.swap.max: most bytes of swapped pages of this cgroup and its descendants, wherever they are stored. &quot;max&quot; for no limit; sizes like 512M or 2G.</source>
        <translation>memory.swap.max: höchstens so viele Bytes ausgelagerter Seiten dieser cgroup und ihrer Nachkommen, unabhängig vom Speicherort. &quot;max&quot; für kein Limit; Größen wie 512M oder 2G.</translation>
    </message>
    <message>
        <source>memory.zswap.max: most bytes the compressed pool may hold for this subtree. &quot;max&quot; for no limit, 0 to keep its pages out of the pool.</source>
        <translation>memory.zswap.max: Höchstmenge an Bytes, die der komprimierte Pool für diesen Teilbaum halten darf. &quot;max&quot; für kein Limit, 0, um dessen Seiten aus dem Pool herauszuhalten.</translation>
    </message>
    <message>
        <source>memory.zswap.writeback: when off, this subtree&apos;s pool pages are never written to a swapfile (an ancestor that turns it off wins).</source>
        <translation>memory.zswap.writeback: Wenn aus, werden die Pool-Seiten dieses Teilbaums nie in eine Swapdatei geschrieben (ein Vorfahre, der es ausschaltet, hat Vorrang).</translation>
    </message>
    <message>
        <source>The swap tiers this subtree may use; a tier counts only if every ancestor allows it too. All checked: every tier, including tiers added later.</source>
        <translation>Die Swap-Stufen, die dieser Teilbaum nutzen darf; eine Stufe zählt nur, wenn auch jeder Vorfahr sie erlaubt. Alle angehakt: jede Stufe, auch später hinzugefügte.</translation>
    </message>
    <message>
        <source>Swap limit</source>
        <translation>Swap-Limit</translation>
    </message>
    <message>
        <source>Pool limit</source>
        <translation>Pool-Limit</translation>
    </message>
    <message>
        <source>Allowed tiers</source>
        <translation>Erlaubte Stufen</translation>
    </message>
    <message>
        <source>&amp;Cgroup:</source>
        <translation>&amp;cgroup:</translation>
    </message>
    <message>
        <source>&amp;Swap limit:</source>
        <translation>&amp;Swap-Limit:</translation>
    </message>
    <message>
        <source>&amp;Pool limit:</source>
        <translation>&amp;Pool-Limit:</translation>
    </message>
    <message>
        <source>&amp;Tiers:</source>
        <translation>S&amp;tufen:</translation>
    </message>
    <message>
        <source>Nothing is running: start a scenario first.</source>
        <translation>Es läuft nichts: Starten Sie zuerst ein Szenario.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a limit: write max, or a size such as 512M or 2G.</source>
        <translation>&quot;%1&quot; ist kein Limit: Geben Sie max oder eine Größe wie 512M oder 2G ein.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a limit: write max, or a size such as 64M (0 keeps pages out of the pool).</source>
        <translation>&quot;%1&quot; ist kein Limit: Geben Sie max oder eine Größe wie 64M an (0 hält Seiten aus dem Pool heraus).</translation>
    </message>
    <message>
        <source>Allow at least one tier. To keep this cgroup&apos;s pages off every swapfile, turn writeback off instead.</source>
        <translation>Erlauben Sie mindestens eine Stufe. Um die Seiten dieser cgroup aus allen Swapdateien herauszuhalten, schalten Sie stattdessen Writeback aus.</translation>
    </message>
    <message>
        <source>Nothing to apply: the fields hold the current policy.</source>
        <translation>Nichts zu übernehmen: Die Felder enthalten die aktuelle Richtlinie.</translation>
    </message>
    <message>
        <source>Change the swap policy of %1</source>
        <translation>Swap-Richtlinie von %1 ändern</translation>
    </message>
</context>
<context>
    <name>swaptier::ui::ComparisonChart</name>
    <message>
        <source>Classic design relative to the virtual design</source>
        <translation>Klassisches Design im Verhältnis zum virtuellen Design</translation>
    </message>
    <message>
        <source>Each cost of the classic design divided by the same cost of the virtual design: a bar above the dashed line at 1 means the classic design needed more.</source>
        <translation>Jede Kostengröße des klassischen Designs geteilt durch dieselbe des virtuellen Designs: Ein Balken über der gestrichelten Linie bei 1 bedeutet, dass das klassische Design mehr benötigte.</translation>
    </message>
    <message>
        <source>virtual design</source>
        <translation>virtuelles Design</translation>
    </message>
    <message>
        <source>classic design</source>
        <translation>klassisches Design</translation>
    </message>
    <message>
        <source>classic / virtual</source>
        <translation>klassisch / virtuell</translation>
    </message>
</context>
<context>
    <name>swaptier::ui::ComparisonModel</name>
    <message>
        <source>%1x</source>
        <translation>%1x</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <source>%1 ns</source>
        <translation>%1 ns</translation>
    </message>
    <message>
        <source>The work itself, not a cost: the same workload and seed make it equal in both designs.</source>
        <translation>Die Arbeit selbst, keine Kosten: Gleiche Last und gleicher Seed machen sie in beiden Designs gleich.</translation>
    </message>
    <message>
        <source>Both designs needed the same.</source>
        <translation>Beide Designs benötigten gleich viel.</translation>
    </message>
    <message>
        <source>Only the classic design paid this cost; the virtual design needed none.</source>
        <translation>Nur das klassische Design hatte diese Kosten; das virtuelle Design brauchte keine.</translation>
    </message>
    <message>
        <source>The virtual design did better: the classic design needed %1 times as much.</source>
        <translation>Das virtuelle Design war besser: Das klassische Design benötigte das %1-Fache.</translation>
    </message>
    <message>
        <source>The classic design did better: it needed %1% of what the virtual design needed.</source>
        <translation>Das klassische Design war besser: Es benötigte %1 % dessen, was das virtuelle Design benötigte.</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>Virtual</source>
        <translation>Virtuell</translation>
    </message>
    <message>
        <source>Classic</source>
        <translation>Klassisch</translation>
    </message>
    <message>
        <source>Classic / virtual</source>
        <translation>Klassisch / virtuell</translation>
    </message>
    <message>
        <source>What is compared; hover over a figure for what it counts.</source>
        <translation>Was verglichen wird; zeigen Sie auf einen Wert, um zu sehen, was er zählt.</translation>
    </message>
    <message>
        <source>The virtual design: virtual swap slots in the page tables (this engine).</source>
        <translation>Das virtuelle Design: virtuelle Swap-Slots in den Seitentabellen (diese Engine).</translation>
    </message>
    <message>
        <source>The classic design: physical swap locations in the page tables, a swapfile slot reserved for every compressed page, swapoff walking every page table.</source>
        <translation>Das klassische Design: physische Swap-Orte in den Seitentabellen, ein reservierter Swapdatei-Slot für jede komprimierte Seite, swapoff durchläuft jede Seitentabelle.</translation>
    </message>
    <message>
        <source>The classic figure divided by the virtual one: above 1 the classic design needed more.</source>
        <translation>Der klassische Wert geteilt durch den virtuellen: Über 1 benötigte das klassische Design mehr.</translation>
    </message>
</context>
<context>
    <name>swaptier::ui::ComparisonView</name>
    <message>
        <source>&amp;Compare designs</source>
        <translation>Designs &amp;vergleichen</translation>
    </message>
    <message>
        <source>Cance&amp;l</source>
        <translation>Ab&amp;brechen</translation>
    </message>
    <message>
        <source>Runs the scenario twice, in the virtual and in the classic design, with the same workload and seed, and compares what each design cost. The live run&apos;s swapfiles are not touched.</source>
        <translation>Führt das Szenario zweimal aus, im virtuellen und im klassischen Design, mit gleicher Last und gleichem Seed, und vergleicht, was jedes Design gekostet hat. Die Swapdateien des aktiven Laufs bleiben unberührt.</translation>
    </message>
    <message>
        <source>Stops the comparison; the last result stays shown.</source>
        <translation>Beendet den Vergleich; das letzte Ergebnis bleibt angezeigt.</translation>
    </message>
    <message>
        <source>Comparison progress</source>
        <translation>Vergleichsfortschritt</translation>
    </message>
    <message>
        <source>No comparison yet.</source>
        <translation>Noch kein Vergleich.</translation>
    </message>
    <message>
        <source>Figures of both designs</source>
        <translation>Kennzahlen beider Designs</translation>
    </message>
    <message>
        <source>The comparison failed: %1</source>
        <translation>Der Vergleich ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Comparison cancelled.</source>
        <translation>Vergleich abgebrochen.</translation>
    </message>
    <message>
        <source>Comparing &quot;%1&quot;: starting…</source>
        <translation>Vergleich von &quot;%1&quot;: wird gestartet…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Comparing &quot;%1&quot;: running the %2 design…</source>
        <translation>Vergleich von &quot;%1&quot;: Design %2 läuft…</translation>
    </message>
    <message>
        <source>Compared &quot;%1&quot; in both designs, seed %2.</source>
        <translation>&quot;%1&quot; in beiden Designs verglichen, Seed %2.</translation>
    </message>
    <message>
        <source>The scenario&apos;s duration cut a run short: the two designs did not do the same work, so the figures are not comparable one to one.</source>
        <translation>Die Dauer des Szenarios hat einen Lauf vorzeitig beendet: Die beiden Designs haben nicht dieselbe Arbeit geleistet, daher sind die Kennzahlen nicht direkt vergleichbar.</translation>
    </message>
    <message>
        <source>Scenario: %1</source>
        <translation>Szenario: %1</translation>
    </message>
    <message>
        <source>No scenario loaded: load one to compare its run in both designs.</source>
        <translation>Kein Szenario geladen: Laden Sie eines, um seinen Lauf in beiden Designs zu vergleichen.</translation>
    </message>
</context>
<context>
    <name>swaptier::ui::DeviceOrderEditor</name>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Swapfiles in the order the engine uses them</source>
        <translation>Swapdateien in der Reihenfolge, in der die Engine sie nutzt</translation>
    </message>
    <message>
        <source>Drag a row to rank the swapfile, or press F2 on its priority to change it. Higher priorities fill first; equal priorities take turns.</source>
        <translation>Ziehen Sie eine Zeile, um die Swapdatei einzuordnen, oder drücken Sie F2 auf ihrer Priorität, um diese zu ändern. Höhere Prioritäten werden zuerst gefüllt; gleiche Prioritäten wechseln sich ab.</translation>
    </message>
    <message>
        <source>Drag a row to change the order, or edit a priority (F2). Ctrl+Z undoes.</source>
        <translation>Ziehen Sie eine Zeile, um die Reihenfolge zu ändern, oder bearbeiten Sie eine Priorität (F2). Strg+Z macht rückgängig.</translation>
    </message>
    <message>
        <source>device %1</source>
        <translation>Gerät %1</translation>
    </message>
    <message>
        <source>Set the priority of %1 to %2</source>
        <translation>Priorität von %1 auf %2 setzen</translation>
    </message>
    <message>
        <source>Nothing is running: start a scenario first.</source>
        <translation>Es läuft nichts: Starten Sie zuerst ein Szenario.</translation>
    </message>
    <message>
        <source>There is no room for that order within the priorities -1 to 32767.</source>
        <translation>Für diese Reihenfolge ist innerhalb der Prioritäten -1 bis 32767 kein Platz.</translation>
    </message>
    <message>
        <source>Move %1 to place %2</source>
        <translation>%1 an Position %2 verschieben</translation>
    </message>
</context>
<context>
    <name>swaptier::ui::DeviceRankModel</name>
    <message>
        <source>Swapon priority (-1 to 32767). Higher is used first; equal priorities take turns. Double-click or press F2 to change it, or drag the row to another place.</source>
        <translation>Swapon-Priorität (-1 bis 32767). Höhere wird zuerst genutzt; gleiche Prioritäten wechseln sich ab. Doppelklicken Sie oder drücken Sie F2, um sie zu ändern, oder ziehen Sie die Zeile an eine andere Stelle.</translation>
    </message>
    <message>
        <source>The swap tier whose priority range holds this device&apos;s priority.</source>
        <translation>Die Swap-Stufe, deren Prioritätsbereich die Priorität dieses Geräts enthält.</translation>
    </message>
    <message>
        <source>direct</source>
        <translation>direkt</translation>
    </message>
    <message>
        <source>buffered</source>
        <translation>gepuffert</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>auto</translation>
    </message>
    <message>
        <source>Order in which the engine fills the swapfiles (devices of equal priority share a rank).</source>
        <translation>Reihenfolge, in der die Engine die Swapdateien füllt (Geräte gleicher Priorität teilen sich einen Rang).</translation>
    </message>
    <message>
        <source>Swapon priority: higher first, equal ones round-robin.</source>
        <translation>Swapon-Priorität: höhere zuerst, gleiche im Round-Robin.</translation>
    </message>
    <message>
        <source>The tier whose priority range holds the device&apos;s priority.</source>
        <translation>Die Stufe, deren Prioritätsbereich die Priorität des Geräts enthält.</translation>
    </message>
    <message>
        <source>Direct I/O bypasses the page cache; buffered writes go through it.</source>
        <translation>Direkte I/O umgeht den Seitencache; gepufferte Schreibvorgänge laufen darüber.</translation>
    </message>
    <message>
        <source>Bytes of the swapfile&apos;s slots that hold pages now.</source>
        <translation>Bytes der Slots der Swapdatei, die derzeit Seiten enthalten.</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <source>Swapfile</source>
        <translation>Swapdatei</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>I/O</source>
        <translation>I/O</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Belegt</translation>
    </message>
</context>
<context>
    <name>swaptier::ui::HistoryBrowser</name>
    <message>
        <source>&amp;Choose file…</source>
        <translation>Datei &amp;wählen…</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>Run history</source>
        <translation>Verlauf der Läufe</translation>
    </message>
    <message>
        <source>History &amp;file:</source>
        <translation>Verlaufs&amp;datei:</translation>
    </message>
    <message>
        <source>History file</source>
        <translation>Verlaufsdatei</translation>
    </message>
    <message>
        <source>Open another history database, such as one written by &quot;swaptierctl run --db FILE&quot;.</source>
        <translation>Öffnet eine andere Verlaufsdatenbank, etwa eine von &quot;swaptierctl run --db FILE&quot; geschriebene.</translation>
    </message>
    <message>
        <source>Read the list of runs again.</source>
        <translation>Liest die Liste der Läufe neu ein.</translation>
    </message>
    <message>
        <source>Recorded runs</source>
        <translation>Aufgezeichnete Läufe</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Show the chosen run in the history chart.</source>
        <translation>Zeigt den gewählten Lauf im Verlaufsdiagramm an.</translation>
    </message>
    <message>
        <source>Choose a history file to see its runs.</source>
        <translation>Wählen Sie eine Verlaufsdatei, um ihre Läufe anzuzeigen.</translation>
    </message>
    <message>
        <source>%1: there is no such history file.</source>
        <translation>%1: Diese Verlaufsdatei gibt es nicht.</translation>
    </message>
    <message>
        <source>This file cannot be shown. %1</source>
        <translation>Diese Datei kann nicht angezeigt werden. %1</translation>
    </message>
    <message>
        <source>%1 holds no runs yet.</source>
        <translation>%1 enthält noch keine Läufe.</translation>
    </message>
    <message>
        <source>Open a history file</source>
        <translation>Verlaufsdatei öffnen</translation>
    </message>
    <message>
        <source>History databases (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation>Verlaufsdatenbanken (*.db *.sqlite *.sqlite3);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>This run cannot be shown. %1</source>
        <translation>Dieser Lauf kann nicht angezeigt werden. %1</translation>
    </message>
    <message>
        <source>Run %1 in %2 has no samples to show.</source>
        <translation>Lauf %1 in %2 enthält keine Messwerte zur Anzeige.</translation>
    </message>
    <message>
        <source>Run %1 of %2, %3</source>
        <translation>Lauf %1 von %2, %3</translation>
    </message>
</context>
<context>
    <name>swaptier::ui::HistoryChart</name>
    <message>
        <source>last minute</source>
        <translation>letzte Minute</translation>
    </message>
    <message>
        <source>last 10 minutes</source>
        <translation>letzte 10 Minuten</translation>
    </message>
    <message>
        <source>last hour</source>
        <translation>letzte Stunde</translation>
    </message>
    <message>
        <source>everything</source>
        <translation>alles</translation>
    </message>
    <message>
        <source>S&amp;how:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>How much of the run&apos;s history to show. Long spans are drawn from 1-second and 10-second averages.</source>
        <translation>Wie viel vom Verlauf des Laufs angezeigt wird. Lange Zeiträume werden aus 1- und 10-Sekunden-Mittelwerten gezeichnet.</translation>
    </message>
    <message>
        <source>History span</source>
        <translation>Verlaufszeitraum</translation>
    </message>
    <message>
        <source>History chart</source>
        <translation>Verlaufsdiagramm</translation>
    </message>
    <message>
        <source>swapped pages</source>
        <translation>ausgelagerte Seiten</translation>
    </message>
    <message>
        <source>pages per second</source>
        <translation>Seiten pro Sekunde</translation>
    </message>
    <message>
        <source>seconds since start</source>
        <translation>Sekunden seit Start</translation>
    </message>
    <message>
        <source>accesses per second</source>
        <translation>Zugriffe pro Sekunde</translation>
    </message>
    <message>
        <source>swap-outs/s</source>
        <translation>Swap-outs/s</translation>
    </message>
    <message>
        <source>swap-ins/s</source>
        <translation>Swap-ins/s</translation>
    </message>
    <message>
        <source>accesses/s</source>
        <translation>Zugriffe/s</translation>
    </message>
    <message>
        <source>zero pages</source>
        <translation>Nullseiten</translation>
    </message>
    <message>
        <source>compressed pool</source>
        <translation>komprimierter Pool</translation>
    </message>
    <message>
        <source>in memory</source>
        <translation>im Speicher</translation>
    </message>
    <message>
        <source>Back to &amp;live</source>
        <translation>Zurück zu &amp;Live</translation>
    </message>
    <message>
        <source>Shown run</source>
        <translation>Angezeigter Lauf</translation>
    </message>
    <message>
        <source>Show the live run again; its history was kept while this run was shown.</source>
        <translation>Zeigt wieder den aktuellen Lauf an; sein Verlauf wurde weitergeführt, während dieser Lauf angezeigt wurde.</translation>
    </message>
    <message>
        <source>Top: swapped pages in each place and in each swap tier (dashed) over time, and the compression ratio of the pool (right axis). Bottom: pages swapped out, swapped in and written back from the pool to swapfiles, and page accesses, per second. Drag to pan, wheel to zoom.</source>
        <translation>Oben: ausgelagerte Seiten an jedem Ort und in jeder Swap-Stufe (gestrichelt) im Zeitverlauf sowie das Kompressionsverhältnis des Pools (rechte Achse). Unten: ausgelagerte, eingelagerte und aus dem Pool in Swapdateien zurückgeschriebene Seiten sowie Seitenzugriffe, jeweils pro Sekunde. Ziehen zum Verschieben, Mausrad zum Zoomen.</translation>
    </message>
    <message>
        <source>pool ratio</source>
        <translation>Pool-Verhältnis</translation>
    </message>
    <message>
        <source>writebacks/s</source>
        <translation>Writebacks/s</translation>
    </message>
    <message>
        <source>tier %1</source>
        <translation>Stufe %1</translation>
    </message>
</context>
<context>
    <name>swaptier::ui::HistoryRunModel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>%1 [%2]</source>
        <translation>%1 [%2]</translation>
    </message>
    <message>
        <source>virtual</source>
        <translation>virtuell</translation>
    </message>
    <message>
        <source>classic</source>
        <translation>klassisch</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Szenario</translation>
    </message>
    <message>
        <source>Design</source>
        <translation>Design</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>Messwerte</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>The run&apos;s number in this history file.</source>
        <translation>Die Nummer des Laufs in dieser Verlaufsdatei.</translation>
    </message>
    <message>
        <source>The scenario that ran, with its variant in brackets.</source>
        <translation>Das ausgeführte Szenario, mit seiner Variante in Klammern.</translation>
    </message>
    <message>
        <source>The swap design: virtual swap slots or the classic kernel design.</source>
        <translation>Das Swap-Design: virtuelle Swap-Slots oder das klassische Kernel-Design.</translation>
    </message>
    <message>
        <source>When the run started (local time).</source>
        <translation>Startzeit des Laufs (Ortszeit).</translation>
    </message>
    <message>
        <source>How long the run took; empty while it is still running.</source>
        <translation>Dauer des Laufs; leer, solange er noch läuft.</translation>
    </message>
    <message>
        <source>How many samples of the run&apos;s state were recorded.</source>
        <translation>Wie viele Messwerte zum Zustand des Laufs aufgezeichnet wurden.</translation>
    </message>
    <message>
        <source>Whether the run finished, was cancelled, failed or is still running.</source>
        <translation>Ob der Lauf abgeschlossen, abgebrochen oder fehlgeschlagen ist oder noch läuft.</translation>
    </message>
</context>
<context>
    <name>swaptier::ui::LintModel</name>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Betrifft</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Warning: the setup does not work as configured. Notice: a setting has no effect.</source>
        <translation>Warnung: Die Konfiguration funktioniert nicht wie eingestellt. Hinweis: Eine Einstellung hat keine Wirkung.</translation>
    </message>
    <message>
        <source>The device, tier, cgroup or part of the configuration the finding is about.</source>
        <translation>Das Gerät, die Stufe, die cgroup oder der Teil der Konfiguration, den der Befund betrifft.</translation>
    </message>
    <message>
        <source>What was found; hover over a row for why it matters and what to do.</source>
        <translation>Was gefunden wurde; fahren Sie mit der Maus über eine Zeile, um zu sehen, warum es wichtig ist und was zu tun ist.</translation>
    </message>
</context>
<context>
    <name>swaptier::ui::MainWindow</name>
    <message>
        <source>swaptier</source>
        <translation>swaptier</translation>
    </message>
    <message>
        <source>Data source</source>
        <translation>Datenquelle</translation>
    </message>
    <message>
        <source>Tier overview</source>
        <translation>Stufenübersicht</translation>
    </message>
    <message>
        <source>&amp;Tiers</source>
        <translation>S&amp;tufen</translation>
    </message>
    <message>
        <source>Cgroup tree</source>
        <translation>cgroup-Baum</translation>
    </message>
    <message>
        <source>Filter cgroups by name</source>
        <translation>cgroups nach Namen filtern</translation>
    </message>
    <message>
        <source>Cgroup filter</source>
        <translation>cgroup-Filter</translation>
    </message>
    <message>
        <source>&amp;Cgroups</source>
        <translation>&amp;cgroups</translation>
    </message>
    <message>
        <source>&amp;Occupancy</source>
        <translation>&amp;Belegung</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <source>Choose a scenario and press Start.</source>
        <translation>Wählen Sie ein Szenario und klicken Sie auf Start.</translation>
    </message>
    <message>
        <source>Cannot start the scenario</source>
        <translation>Das Szenario kann nicht gestartet werden</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <source>Compact &amp;pool</source>
        <translation>&amp;Pool kompaktieren</translation>
    </message>
    <message>
        <source>Repack the compressed pool&apos;s size classes and give back the memory of emptied pages.</source>
        <translation>Packt die Größenklassen des komprimierten Pools neu und gibt den Speicher geleerter Seiten zurück.</translation>
    </message>
    <message>
        <source>compressed pool</source>
        <translation>komprimierter Pool</translation>
    </message>
    <message>
        <source>&amp;Write back now</source>
        <translation>Jetzt &amp;zurückschreiben</translation>
    </message>
    <message>
        <source>Write the pool pages of the cgroup selected in the Cgroups tab (and its descendants; the root if none is selected) to the swapfiles now, oldest first, in large writes.</source>
        <translation>Schreibt die Pool-Seiten der im Reiter cgroups ausgewählten cgroup (und ihrer Nachfahren; ist keine ausgewählt, die der Wurzel) jetzt in die Swapdateien, älteste zuerst, in großen Schreibvorgängen.</translation>
    </message>
    <message>
        <source>cgroup %1</source>
        <translation>cgroup %1</translation>
    </message>
    <message>
        <source>Compact &amp;swapfile</source>
        <translation>&amp;Swapdatei kompaktieren</translation>
    </message>
    <message>
        <source>Move the swapfile&apos;s live slots to its start and shrink the file.</source>
        <translation>Verschiebt die belegten Slots der Swapdatei an ihren Anfang und verkleinert die Datei.</translation>
    </message>
    <message>
        <source>Swap&amp;off</source>
        <translation>Swap&amp;off</translation>
    </message>
    <message>
        <source>Empty a swapfile and remove it: its pages move to the other tiers (no page table is walked).</source>
        <translation>Leert eine Swapdatei und entfernt sie: Ihre Seiten wandern in die anderen Stufen (es werden keine Seitentabellen durchlaufen).</translation>
    </message>
    <message>
        <source>&amp;Cancel action</source>
        <translation>&amp;Aktion abbrechen</translation>
    </message>
    <message>
        <source>Cancel the action selected in the log: a queued one does not run, a running writeback or compaction stops at its next batch.</source>
        <translation>Bricht die im Protokoll ausgewählte Aktion ab: Eine wartende wird nicht ausgeführt, ein laufendes Zurückschreiben oder Kompaktieren stoppt beim nächsten Stapel.</translation>
    </message>
    <message>
        <source>Action log</source>
        <translation>Aktionsprotokoll</translation>
    </message>
    <message>
        <source>(no swapfile)</source>
        <translation>(keine Swapdatei)</translation>
    </message>
    <message>
        <source>Nothing is running: start a scenario first.</source>
        <translation>Es läuft nichts: Starten Sie zuerst ein Szenario.</translation>
    </message>
    <message>
        <source>Cannot create a directory for the swapfiles in %1: %2</source>
        <translation>Verzeichnis für die Swapdateien in %1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>Running %1: %2</source>
        <translation>%1 läuft: %2</translation>
    </message>
    <message>
        <source>Every access made; the run stays for actions until you press Stop.</source>
        <translation>Alle Zugriffe erfolgt; der Lauf bleibt für Aktionen bestehen, bis Sie auf Stopp klicken.</translation>
    </message>
    <message>
        <source>The run failed: %1</source>
        <translation>Der Lauf ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The run failed</source>
        <translation>Der Lauf ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Finished after %1 rounds and %2 page accesses.</source>
        <translation>Beendet nach %1 Runden und %2 Seitenzugriffen.</translation>
    </message>
    <message>
        <source>S&amp;etup</source>
        <translation>&amp;Konfiguration</translation>
    </message>
    <message>
        <source>Classic &amp;vs virtual</source>
        <translation>Klassisch &amp;vs. virtuell</translation>
    </message>
    <message>
        <source>Where swapped pages live: each place with its size, use, compression and traffic.</source>
        <translation>Wo ausgelagerte Seiten liegen: jeder Ort mit Größe, Belegung, Kompression und Datenverkehr.</translation>
    </message>
    <message>
        <source>Each cgroup&apos;s pages per place, limits and policy; type to filter.</source>
        <translation>Seiten jeder cgroup pro Ort, Limits und Richtlinie; tippen Sie, um zu filtern.</translation>
    </message>
    <message>
        <source>Swapped pages per cgroup, the largest first.</source>
        <translation>Ausgelagerte Seiten pro cgroup, die größten zuerst.</translation>
    </message>
    <message>
        <source>Pages per place and swap rates over time; older runs from the history file.</source>
        <translation>Seiten pro Ort und Swap-Raten im Zeitverlauf; ältere Läufe aus der Verlaufsdatei.</translation>
    </message>
    <message>
        <source>Change the running setup: swapfile order and priorities, cgroup policy, pool.</source>
        <translation>Laufende Konfiguration ändern: Reihenfolge und Prioritäten der Swapdateien, cgroup-Richtlinie, Pool.</translation>
    </message>
    <message>
        <source>The same scenario in the classic and the virtual design, side by side.</source>
        <translation>Dasselbe Szenario im klassischen und im virtuellen Design, nebeneinander.</translation>
    </message>
    <message>
        <source>Setup warnings</source>
        <translation>Konfigurationswarnungen</translation>
    </message>
    <message>
        <source>Setup mistakes found in the running setup; hover for the explanation, double-click or press Enter to go to the setting.</source>
        <translation>In der laufenden Konfiguration gefundene Fehler; zeigen Sie für die Erklärung mit der Maus darauf, doppelklicken Sie oder drücken Sie die Eingabetaste, um zur Einstellung zu gelangen.</translation>
    </message>
    <message>
        <source>Lint</source>
        <translation>Lint</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open scenario…</source>
        <translation>Szenario &amp;öffnen…</translation>
    </message>
    <message>
        <source>Run a scenario file (TOML, see docs/scenario-format.md).</source>
        <translation>Führt eine Szenariodatei aus (TOML, siehe docs/scenario-format.md).</translation>
    </message>
    <message>
        <source>&amp;Save setup as…</source>
        <translation>Konfiguration speichern &amp;unter…</translation>
    </message>
    <message>
        <source>Save the running setup, with your changes, as a scenario file.</source>
        <translation>Speichert die laufende Konfiguration mit Ihren Änderungen als Szenariodatei.</translation>
    </message>
    <message>
        <source>Open &amp;history…</source>
        <translation>Ver&amp;lauf öffnen…</translation>
    </message>
    <message>
        <source>&amp;Record runs in the history</source>
        <translation>Läufe im Verlauf &amp;aufzeichnen</translation>
    </message>
    <message>
        <source>Write every sample of each run to the history file, to open it again later.</source>
        <translation>Schreibt jeden Messwert jedes Laufs in die Verlaufsdatei, um ihn später wieder öffnen zu können.</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>&amp;Add swapfile…</source>
        <translation>Swapdatei &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Create a swapfile and swap it on in the running sandbox; Swapoff removes one.</source>
        <translation>Erstellt eine Swapdatei und aktiviert sie per swapon in der laufenden Sandbox; Swapoff entfernt eine.</translation>
    </message>
    <message>
        <source>Lint (%1)</source>
        <translation>Lint (%1)</translation>
    </message>
    <message>
        <source>Open a scenario</source>
        <translation>Szenario öffnen</translation>
    </message>
    <message>
        <source>Scenarios (*.toml);;All files (*)</source>
        <translation>Szenarien (*.toml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Nothing has run yet: start a scenario first.</source>
        <translation>Es ist noch nichts gelaufen: Starten Sie zuerst ein Szenario.</translation>
    </message>
    <message>
        <source>Save the setup as a scenario</source>
        <translation>Konfiguration als Szenario speichern</translation>
    </message>
    <message>
        <source>Scenarios (*.toml)</source>
        <translation>Szenarien (*.toml)</translation>
    </message>
    <message>
        <source>Cannot save the setup</source>
        <translation>Die Konfiguration kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Saved the setup to %1.</source>
        <translation>Konfiguration in %1 gespeichert.</translation>
    </message>
</context>
<context>
    <name>swaptier::ui::PoolEditor</name>
    <message>
        <source>Compress swapped pages in memory first</source>
        <translation>Ausgelagerte Seiten zuerst im Speicher komprimieren</translation>
    </message>
    <message>
        <source>A&amp;pply</source>
        <translation>Ü&amp;bernehmen</translation>
    </message>
    <message>
        <source>Rever&amp;t</source>
        <translation>&amp;Zurücksetzen</translation>
    </message>
    <message>
        <source>zswap&apos;s enabled: swapped pages go to the compressed pool before any swapfile.</source>
        <translation>enabled von zswap: Ausgelagerte Seiten gehen vor jeder Swapdatei in den komprimierten Pool.</translation>
    </message>
    <message>
        <source>The compressor of new pool pages: zstd packs best, lz4 and lzo are faster.</source>
        <translation>Der Kompressor für neue Pool-Seiten: zstd komprimiert am besten, lz4 und lzo sind schneller.</translation>
    </message>
    <message>
        <source>zstd&apos;s level: higher packs better and costs more CPU time.</source>
        <translation>zstd-Level: Höher komprimiert besser und kostet mehr CPU-Zeit.</translation>
    </message>
    <message>
        <source>Most memory the pool may take, e.g. 256M; &quot;none&quot; or 0 for no cap. When full, pages go to the swapfiles.</source>
        <translation>Maximaler Speicher für den Pool, z. B. 256M; &quot;none&quot; oder 0 für unbegrenzt. Ist er voll, gehen Seiten in die Swapdateien.</translation>
    </message>
    <message>
        <source>After the pool was full it takes pages again only below this share of its limit (zswap&apos;s accept_threshold_percent).</source>
        <translation>Nachdem der Pool voll war, nimmt er erst unterhalb dieses Anteils seines Limits wieder Seiten an (accept_threshold_percent von zswap).</translation>
    </message>
    <message>
        <source>Codec</source>
        <translation>Codec</translation>
    </message>
    <message>
        <source>zstd level</source>
        <translation>zstd-Level</translation>
    </message>
    <message>
        <source>Pool size limit</source>
        <translation>Pool-Größenlimit</translation>
    </message>
    <message>
        <source>Accept threshold</source>
        <translation>Annahmeschwelle</translation>
    </message>
    <message>
        <source>C&amp;odec:</source>
        <translation>C&amp;odec:</translation>
    </message>
    <message>
        <source>zstd &amp;level:</source>
        <translation>zstd-&amp;Level:</translation>
    </message>
    <message>
        <source>&amp;Limit:</source>
        <translation>&amp;Limit:</translation>
    </message>
    <message>
        <source>Accept &amp;again below:</source>
        <translation>&amp;Wieder annehmen unter:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keins</translation>
    </message>
    <message>
        <source>Nothing is running: start a scenario first.</source>
        <translation>Es läuft nichts: Starten Sie zuerst ein Szenario.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a size: write e.g. 256M or 1G, or none for no cap.</source>
        <translation>&quot;%1&quot; ist keine Größe: Schreiben Sie z. B. 256M oder 1G, oder none für unbegrenzt.</translation>
    </message>
    <message>
        <source>A pool limit below 64K holds almost nothing; write at least 64K, or none.</source>
        <translation>Ein Pool-Limit unter 64K fasst fast nichts; geben Sie mindestens 64K oder keins an.</translation>
    </message>
    <message>
        <source>Nothing to apply: the fields hold the current pool settings.</source>
        <translation>Nichts zu übernehmen: Die Felder enthalten die aktuellen Pool-Einstellungen.</translation>
    </message>
    <message>
        <source>Change the compressed pool settings</source>
        <translation>Einstellungen des komprimierten Pools ändern</translation>
    </message>
    <message>
        <source>compressed pool</source>
        <translation>komprimierter Pool</translation>
    </message>
</context>
<context>
    <name>swaptier::ui::SetupPage</name>
    <message>
        <source>Swapfiles and tiers</source>
        <translation>Swapdateien und Stufen</translation>
    </message>
    <message>
        <source>Changes (select one to undo back to it)</source>
        <translation>Änderungen (wählen Sie eine aus, um bis dorthin rückgängig zu machen)</translation>
    </message>
    <message>
        <source>&lt;started setup&gt;</source>
        <translation>&lt;gestartete Konfiguration&gt;</translation>
    </message>
    <message>
        <source>Changes made to the setup</source>
        <translation>Änderungen an der Konfiguration</translation>
    </message>
    <message>
        <source>Cgroup swap policy</source>
        <translation>cgroup-Swap-Richtlinie</translation>
    </message>
    <message>
        <source>Compressed pool</source>
        <translation>Komprimierter Pool</translation>
    </message>
    <message>
        <source>Nothing is running: start a scenario first.</source>
        <translation>Es läuft nichts: Starten Sie zuerst ein Szenario.</translation>
    </message>
    <message>
        <source>This change cannot be undone, so it is not made from here.</source>
        <translation>Diese Änderung kann nicht rückgängig gemacht werden und wird daher nicht von hier aus vorgenommen.</translation>
    </message>
</context>
<context>
    <name>swaptier::ui::SourceBar</name>
    <message>
        <source>&amp;Scenario:</source>
        <translation>&amp;Szenario:</translation>
    </message>
    <message>
        <source>The built-in sandbox scenario to run: simulated processes and cgroups driving the real swap engine with real page bytes.</source>
        <translation>Das auszuführende eingebaute Sandbox-Szenario: simulierte Prozesse und cgroups, die die echte Swap-Engine mit echten Seitenbytes antreiben.</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Szenario</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Start the scenario (a running one is stopped first).</source>
        <translation>Startet das Szenario (ein laufendes wird zuerst gestoppt).</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Pause the workload between two rounds; actions still run while paused.</source>
        <translation>Hält die Last zwischen zwei Runden an; Aktionen laufen während der Pause weiter.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>End the run and remove its swapfiles.</source>
        <translation>Beendet den Lauf und entfernt seine Swapdateien.</translation>
    </message>
    <message>
        <source>Share of full speed: below 100% each round is followed by a wait, so changes are easier to follow. The counts of the run do not change.</source>
        <translation>Anteil der vollen Geschwindigkeit: Unter 100 % folgt auf jede Runde eine Wartezeit, sodass Änderungen leichter zu verfolgen sind. Die Zählwerte des Laufs ändern sich nicht.</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Geschwindigkeit</translation>
    </message>
    <message>
        <source>S&amp;peed:</source>
        <translation>&amp;Geschwindigkeit:</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>done, held for actions</source>
        <translation>fertig, bleibt für Aktionen bestehen</translation>
    </message>
    <message>
        <source>Share of the scenario&apos;s planned page accesses made so far.</source>
        <translation>Anteil der geplanten Seitenzugriffe des Szenarios, die bisher erfolgt sind.</translation>
    </message>
    <message>
        <source>State of the run.</source>
        <translation>Status des Laufs.</translation>
    </message>
    <message>
        <source>Not running</source>
        <translation>Läuft nicht</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>%p%</source>
        <translation>%p%</translation>
    </message>
</context>
<context>
    <name>swaptier::ui::TierModel</name>
    <message>
        <source>zero pages</source>
        <translation>Nullseiten</translation>
    </message>
    <message>
        <source>compressed pool</source>
        <translation>komprimierter Pool</translation>
    </message>
    <message>
        <source>in memory</source>
        <translation>im Speicher</translation>
    </message>
    <message>
        <source>Swapfile %1</source>
        <translation>Swapdatei %1</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Kapazität</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>Resident</translation>
    </message>
    <message>
        <source>Ratio</source>
        <translation>Verhältnis</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Belegt</translation>
    </message>
    <message>
        <source>Where swapped pages live: zero pages (no storage), the compressed pool, pages kept in memory, or a swapfile.</source>
        <translation>Wo ausgelagerte Seiten liegen: Nullseiten (kein Speicherplatz), der komprimierte Pool, im Speicher gehaltene Seiten oder eine Swapdatei.</translation>
    </message>
    <message>
        <source>The swap tier whose priority range holds the swapfile&apos;s priority.</source>
        <translation>Die Swap-Stufe, deren Prioritätsbereich die Priorität der Swapdatei enthält.</translation>
    </message>
    <message>
        <source>The swapfile&apos;s size, or the compressed pool&apos;s limit.</source>
        <translation>Die Größe der Swapdatei oder das Limit des komprimierten Pools.</translation>
    </message>
    <message>
        <source>Swapped pages stored here.</source>
        <translation>Hier gespeicherte ausgelagerte Seiten.</translation>
    </message>
    <message>
        <source>The original size of those pages (4 KiB each).</source>
        <translation>Die ursprüngliche Größe dieser Seiten (je 4 KiB).</translation>
    </message>
    <message>
        <source>What they take here: compressed bytes in the pool, 4 KiB slots on a swapfile.</source>
        <translation>Was sie hier belegen: komprimierte Bytes im Pool, 4-KiB-Slots auf einer Swapdatei.</translation>
    </message>
    <message>
        <source>Compression ratio: stored bytes divided by resident bytes.</source>
        <translation>Kompressionsverhältnis: gespeicherte Bytes geteilt durch residente Bytes.</translation>
    </message>
    <message>
        <source>Resident bytes as a share of the capacity.</source>
        <translation>Residente Bytes als Anteil der Kapazität.</translation>
    </message>
    <message>
        <source>In/s</source>
        <translation>Ein/s</translation>
    </message>
    <message>
        <source>Out/s</source>
        <translation>Aus/s</translation>
    </message>
    <message>
        <source>Pages read from here per second: swap-ins and pages moved elsewhere.</source>
        <translation>Von hier pro Sekunde gelesene Seiten: Swap-ins und anderswohin verschobene Seiten.</translation>
    </message>
    <message>
        <source>Pages stored here per second: swap-outs, writeback and pages moved here.</source>
        <translation>Pro Sekunde hier gespeicherte Seiten: Swap-outs, Writeback und hierher verschobene Seiten.</translation>
    </message>
</context>
</TS>
