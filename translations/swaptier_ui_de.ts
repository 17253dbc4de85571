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
            <translation>Cgroup-Richtlinie festlegen</translation>
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
    </context>
    <context>
        <name>swaptier::ui::CgroupBarChart</name>
        <message>
            <source>&amp;Largest cgroups:</source>
            <translation>&amp;Größte Cgroups:</translation>
        </message>
        <message>
            <source>How many cgroups get a bar of their own; the rest are summed in "other".</source>
            <translation>Wie viele Cgroups einen eigenen Balken erhalten; die übrigen werden unter „andere“ zusammengefasst.</translation>
        </message>
        <message>
            <source>Number of cgroups shown</source>
            <translation>Anzahl angezeigter Cgroups</translation>
        </message>
        <message>
            <source>Swapped pages per cgroup</source>
            <translation>Ausgelagerte Seiten pro Cgroup</translation>
        </message>
        <message>
            <source>Each cgroup's own swapped pages (not its descendants'), by where they live.</source>
            <translation>Die eigenen ausgelagerten Seiten jeder Cgroup (nicht die ihrer Nachfahren), nach Speicherort.</translation>
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
    </context>
    <context>
        <name>swaptier::ui::CgroupModel</name>
        <message>
            <source>max</source>
            <translation>max</translation>
        </message>
        <message>
            <source>Cgroup</source>
            <translation>Cgroup</translation>
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
            <translation>Die Cgroup; ihre Kinder stehen darunter.</translation>
        </message>
        <message>
            <source>Memory the cgroup and its descendants use now (memory.current).</source>
            <translation>Speicher, den die Cgroup und ihre Nachfahren derzeit belegen (memory.current).</translation>
        </message>
        <message>
            <source>The cgroup's memory limit (memory.max).</source>
            <translation>Das Speicherlimit der Cgroup (memory.max).</translation>
        </message>
        <message>
            <source>Pages of this cgroup (not its descendants) that are swapped out, wherever they are.</source>
            <translation>Seiten dieser Cgroup (nicht ihrer Nachfahren), die ausgelagert sind, egal wo sie liegen.</translation>
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
            <source>Compressed bytes this cgroup's pages take in the pool.</source>
            <translation>Komprimierte Bytes, die die Seiten dieser Cgroup im Pool belegen.</translation>
        </message>
        <message>
            <source>Page faults that read a swapped page back (pgmajfault).</source>
            <translation>Seitenfehler, die eine ausgelagerte Seite zurücklesen (pgmajfault).</translation>
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
            <source>How much of the run's history to show. Long spans are drawn from 1-second and 10-second averages.</source>
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
            <source>Top: swapped pages in each place over time. Bottom: pages swapped out and in, and page accesses, per second. Drag to pan, wheel to zoom.</source>
            <translation>Oben: ausgelagerte Seiten je Speicherort im Zeitverlauf. Unten: aus- und eingelagerte Seiten sowie Seitenzugriffe pro Sekunde. Ziehen zum Verschieben, Mausrad zum Zoomen.</translation>
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
            <translation>Tier-Übersicht</translation>
        </message>
        <message>
            <source>&amp;Tiers</source>
            <translation>&amp;Tiers</translation>
        </message>
        <message>
            <source>Cgroup tree</source>
            <translation>Cgroup-Baum</translation>
        </message>
        <message>
            <source>Filter cgroups by name</source>
            <translation>Cgroups nach Namen filtern</translation>
        </message>
        <message>
            <source>Cgroup filter</source>
            <translation>Cgroup-Filter</translation>
        </message>
        <message>
            <source>&amp;Cgroups</source>
            <translation>&amp;Cgroups</translation>
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
            <source>Repack the compressed pool's size classes and give back the memory of emptied pages.</source>
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
            <translation>Schreibt die Pool-Seiten der im Reiter Cgroups ausgewählten Cgroup (und ihrer Nachfahren; ist keine ausgewählt, die der Wurzel) jetzt in die Swapdateien, älteste zuerst, in großen Schreibvorgängen.</translation>
        </message>
        <message>
            <source>cgroup %1</source>
            <translation>Cgroup %1</translation>
        </message>
        <message>
            <source>Compact &amp;swapfile</source>
            <translation>&amp;Swapdatei kompaktieren</translation>
        </message>
        <message>
            <source>Move the swapfile's live slots to its start and shrink the file.</source>
            <translation>Verschiebt die belegten Slots der Swapdatei an ihren Anfang und verkleinert die Datei.</translation>
        </message>
        <message>
            <source>Swap&amp;off</source>
            <translation>Swap&amp;off</translation>
        </message>
        <message>
            <source>Empty a swapfile and remove it: its pages move to the other tiers (no page table is walked).</source>
            <translation>Leert eine Swapdatei und entfernt sie: Ihre Seiten wandern in die anderen Tiers (es werden keine Seitentabellen durchlaufen).</translation>
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
    </context>
    <context>
        <name>swaptier::ui::SourceBar</name>
        <message>
            <source>&amp;Scenario:</source>
            <translation>&amp;Szenario:</translation>
        </message>
        <message>
            <source>The built-in sandbox scenario to run: simulated processes and cgroups driving the real swap engine with real page bytes.</source>
            <translation>Das auszuführende eingebaute Sandbox-Szenario: simulierte Prozesse und Cgroups, die die echte Swap-Engine mit echten Seitenbytes antreiben.</translation>
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
            <source>Share of the scenario's planned page accesses made so far.</source>
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
            <translation>Tier</translation>
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
            <source>The swap tier whose priority range holds the swapfile's priority.</source>
            <translation>Das Swap-Tier, dessen Prioritätsbereich die Priorität der Swapdatei enthält.</translation>
        </message>
        <message>
            <source>The swapfile's size, or the compressed pool's limit.</source>
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
    </context>
</TS>
