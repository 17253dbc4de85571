<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>swaptier::services::ActionSpec</name>
    <message>
        <source>invalid --action &quot;%1&quot;: %2</source>
        <translation>ungültige Angabe für --action &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>invalid --action &quot;%1&quot;: at &apos;%2&apos;: %3</source>
        <translation>ungültige Angabe für --action &quot;%1&quot;: bei &apos;%2&apos;: %3</translation>
    </message>
    <message>
        <source>a quote or bracket is not closed</source>
        <translation>ein Anführungszeichen oder eine Klammer ist nicht geschlossen</translation>
    </message>
    <message>
        <source>no action given; expected a kind such as &quot;writeback&quot; followed by KEY=VALUE words</source>
        <translation>keine Aktion angegeben; erwartet wird eine Art wie &quot;writeback&quot;, gefolgt von KEY=VALUE-Wörtern</translation>
    </message>
    <message>
        <source>a word may not hold control characters or line breaks</source>
        <translation>ein Wort darf keine Steuerzeichen oder Zeilenumbrüche enthalten</translation>
    </message>
    <message>
        <source>expected KEY=VALUE; only the first word may be the kind alone</source>
        <translation>KEY=VALUE erwartet; nur das erste Wort darf allein die Art sein</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a key: keys are letters, digits, &apos;_&apos; and &apos;-&apos;, with &apos;.&apos; between the parts of a dotted key</source>
        <translation>&apos;%1&apos; ist kein Schlüssel: Schlüssel bestehen aus Buchstaben, Ziffern, &apos;_&apos; und &apos;-&apos;, mit &apos;.&apos; zwischen den Teilen eines gepunkteten Schlüssels</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is given twice</source>
        <translation>&apos;%1&apos; ist doppelt angegeben</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation>kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>--action SPEC adds an action to the scenario, after its own [[action]] tables (repeatable). SPEC is an action kind followed by KEY=VALUE words with the keys of an [[action]] table of the scenario format, where &apos;-&apos; may stand for &apos;_&apos;:
  --action &quot;writeback cgroup=/batch at=50% max_pages=4096&quot;
  --action &quot;set-policy cgroup=/batch zswap_max=16M at=0.3&quot;
  --action compact-pool
  --action &quot;add-device name=extra size=64M priority=5 at=30%&quot;
Kinds: swapoff, set-priority, set-pool, compact-device, compact-pool, writeback, set-policy, recompress, set-promotion, add-device. Values: true, false, numbers and quoted TOML strings are taken as such, anything else as text (sizes &quot;64M&quot;, durations &quot;30s&quot;, points &quot;50%&quot;, names); allowed_tiers takes a list &quot;fast,slow&quot; (empty: every tier), and pool.KEY=VALUE sets a key of a set-pool. add-device takes the keys of a [[device]] table (a relative path is in the device directory), and later --action options may name its device. An invalid SPEC ends the command with status 2 before anything runs.
</source>
        <translation>--action SPEC fügt dem Szenario eine Aktion hinzu, nach dessen eigenen [[action]]-Tabellen (wiederholbar). SPEC ist eine Aktionsart, gefolgt von KEY=VALUE-Wörtern mit den Schlüsseln einer [[action]]-Tabelle des Szenarioformats, wobei &apos;-&apos; für &apos;_&apos; stehen darf:
  --action &quot;writeback cgroup=/batch at=50% max_pages=4096&quot;
  --action &quot;set-policy cgroup=/batch zswap_max=16M at=0.3&quot;
  --action compact-pool
  --action &quot;add-device name=extra size=64M priority=5 at=30%&quot;
Arten: swapoff, set-priority, set-pool, compact-device, compact-pool, writeback, set-policy, recompress, set-promotion, add-device. Werte: true, false, Zahlen und TOML-Strings in Anführungszeichen werden als solche übernommen, alles andere als Text (Größen &quot;64M&quot;, Dauern &quot;30s&quot;, Zeitpunkte &quot;50%&quot;, Namen); allowed_tiers nimmt eine Liste &quot;fast,slow&quot; (leer: jede Stufe), und pool.KEY=VALUE setzt einen Schlüssel eines set-pool. add-device nimmt die Schlüssel einer [[device]]-Tabelle (ein relativer Pfad liegt im Geräteverzeichnis), und spätere --action-Optionen können dessen Gerät benennen. Eine ungültige SPEC beendet den Befehl mit Status 2, bevor etwas ausgeführt wird.
</translation>
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
        <translation>Exit-Codes:
  0  Erfolg
  1  Laufzeitfehler (Engine-Fehler, fehlgeschlagene Überprüfung, nicht schreibbare Ausgabe oder Datenbank,
     unterbrochener Lauf)
  2  falsche Verwendung (unbekannter Befehl oder unbekannte Option, ungültiger Optionswert, ungültiges Szenario: nichts wurde ausgeführt)</translation>
    </message>
    <message>
        <source>Run &quot;%1 --help&quot; for usage.</source>
        <translation>Mit &quot;%1 --help&quot; erhalten Sie Hinweise zur Verwendung.</translation>
    </message>
    <message>
        <source>no command given.</source>
        <translation>kein Befehl angegeben.</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;.</source>
        <translation>unbekannter Befehl &quot;%1&quot;.</translation>
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
        <translation>swaptierctl: Headless-Steuerung der virtuellen Swap-Engine von swaptier.

Befehle (&quot;swaptierctl BEFEHL --help&quot; für jeden):
  run SCENARIO        Szenario in der Sandbox ausführen, Zusammenfassung ausgeben
  compare SCENARIO    mit virtuellem und klassischem Design nebeneinander ausführen
  scenarios [NAME]    eingebaute Szenarien auflisten oder eines ausgeben
  lint SCENARIO       Swap-Konfiguration eines Szenarios auf Fehler prüfen
  history --db FILE   aufgezeichnete Läufe auflisten oder einen erneut einlesen
  metrics --textfile DIR SCENARIO
                      Szenario ausführen, Prometheus-Textdatei aktuell halten
  import-trace LACKEY_LOG OUTPUT
                      Valgrind-lackey-Speichertrace zur Wiedergabe konvertieren
  demo                echte Engine direkt mit verifizierten Seiten betreiben

</translation>
    </message>
    <message>
        <source>The command to run: run, compare, scenarios, lint, history, metrics, import-trace or demo.</source>
        <translation>Der auszuführende Befehl: run, compare, scenarios, lint, history, metrics, import-trace oder demo.</translation>
    </message>
</context>
<context>
    <name>swaptier::services::CommandSupport</name>
    <message>
        <source>The command.</source>
        <translation>Der Befehl.</translation>
    </message>
    <message>
        <source>Run &quot;%1 %2 --help&quot; for usage.</source>
        <translation>Mit &quot;%1 %2 --help&quot; erhalten Sie Hinweise zur Verwendung.</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>cannot create the device directory &quot;%1&quot;.</source>
        <translation>das Geräteverzeichnis kann nicht angelegt werden: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>cannot create a temporary directory in &quot;%1&quot;: %2</source>
        <translation>in &quot;%1&quot; kann kein temporäres Verzeichnis angelegt werden: %2</translation>
    </message>
    <message>
        <source>the scenario is not valid; nothing was run.</source>
        <translation>das Szenario ist ungültig; es wurde nichts ausgeführt.</translation>
    </message>
    <message>
        <source>cannot write the JSON report to &quot;%1&quot;: %2</source>
        <translation>der JSON-Bericht kann nicht nach &quot;%1&quot; geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>swaptier::services::ComparisonRunner</name>
    <message>
        <source>virtual</source>
        <translation>virtuell</translation>
    </message>
    <message>
        <source>classic</source>
        <translation>klassisch</translation>
    </message>
    <message>
        <source>Cannot create a directory for the comparison&apos;s swapfiles in %1: %2</source>
        <translation>In %1 kann kein Verzeichnis für die Swapdateien des Vergleichs angelegt werden: %2</translation>
    </message>
    <message>
        <source>The run in the %1 design failed: %2</source>
        <translation>Der Lauf im Design %1 ist fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>swaptier::services::ConfigLint</name>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Swap device &quot;%1&quot; is the zram device %2, behind the compressed pool (%3).</source>
        <translation>Swap-Gerät &quot;%1&quot; ist das zram-Gerät %2, hinter dem komprimierten Pool (%3).</translation>
    </message>
    <message>
        <source>zram compresses in memory as well: every page passes two compressors and pages written back from the pool stay in RAM; disable the pool or swap to a disk.</source>
        <translation>zram komprimiert ebenfalls im Speicher: Jede Seite durchläuft zwei Kompressoren, und aus dem Pool zurückgeschriebene Seiten bleiben im RAM; deaktivieren Sie den Pool oder lagern Sie auf eine Festplatte aus.</translation>
    </message>
    <message>
        <source>Swap devices &quot;%1&quot; and &quot;%2&quot; share priority %3 but use different I/O modes (%4 and %5).</source>
        <translation>Die Swap-Geräte &quot;%1&quot; und &quot;%2&quot; haben dieselbe Priorität %3, nutzen aber unterschiedliche I/O-Modi (%4 und %5).</translation>
    </message>
    <message>
        <source>Devices of equal priority take pages in turn, so each gets its share whatever its speed; give the device meant to be used first a higher priority.</source>
        <translation>Geräte gleicher Priorität nehmen abwechselnd Seiten auf, sodass jedes unabhängig von seiner Geschwindigkeit seinen Anteil erhält; geben Sie dem Gerät, das zuerst genutzt werden soll, eine höhere Priorität.</translation>
    </message>
    <message>
        <source>cgroup &quot;%1&quot; has memory.zswap.writeback on, but its ancestor &quot;%2&quot; turns it off.</source>
        <translation>cgroup &quot;%1&quot; hat memory.zswap.writeback aktiviert, aber ihr Vorfahre &quot;%2&quot; schaltet es aus.</translation>
    </message>
    <message>
        <source>memory.zswap.writeback is hierarchical: no page of this cgroup reaches a swap device while an ancestor turns it off, so its own setting has no effect.</source>
        <translation>memory.zswap.writeback ist hierarchisch: Keine Seite dieser cgroup erreicht ein Swap-Gerät, solange ein Vorfahr es abschaltet; ihre eigene Einstellung hat daher keine Wirkung.</translation>
    </message>
    <message>
        <source>cgroup &quot;%1&quot; allows tier &quot;%2&quot;, which its ancestor &quot;%3&quot; does not allow.</source>
        <translation>cgroup &quot;%1&quot; erlaubt Stufe &quot;%2&quot;, die ihr Vorfahr &quot;%3&quot; nicht erlaubt.</translation>
    </message>
    <message>
        <source>Allowed tiers are hierarchical: a cgroup may use a tier only if every ancestor allows it, so this entry has no effect.</source>
        <translation>Erlaubte Stufen sind hierarchisch: Eine cgroup darf eine Stufe nur nutzen, wenn jeder Vorfahre sie erlaubt; dieser Eintrag ist daher wirkungslos.</translation>
    </message>
    <message>
        <source>Tier &quot;%1&quot; (priorities %2 to %3) holds no swap device.</source>
        <translation>Stufe &quot;%1&quot; (Prioritäten %2 bis %3) enthält kein Swap-Gerät.</translation>
    </message>
    <message>
        <source>A cgroup names this tier in its allowed tiers, but no swap device has a priority in its range; give a device such a priority or allow another tier.</source>
        <translation>Eine cgroup nennt diese Stufe in ihren erlaubten Stufen, aber kein Swap-Gerät hat eine Priorität in ihrem Bereich; geben Sie einem Gerät eine solche Priorität oder erlauben Sie eine andere Stufe.</translation>
    </message>
    <message>
        <source>No cgroup names it, so nothing depends on it; a device with a priority in this range would join it.</source>
        <translation>Keine cgroup nennt sie, also hängt nichts von ihr ab; ein Gerät mit einer Priorität in diesem Bereich würde ihr zugeordnet.</translation>
    </message>
    <message>
        <source>There is no swap device, and the classic design needs a device slot for every swapped page, pool pages included.</source>
        <translation>Es gibt kein Swap-Gerät, und das klassische Design braucht für jede ausgelagerte Seite einen Geräte-Slot, auch für Pool-Seiten.</translation>
    </message>
    <message>
        <source>The compressed pool is disabled and there is no swap device.</source>
        <translation>Der komprimierte Pool ist deaktiviert, und es gibt kein Swap-Gerät.</translation>
    </message>
    <message>
        <source>Nothing can be swapped: every cgroup runs into its memory.max; add a swap device or enable the pool.</source>
        <translation>Nichts kann ausgelagert werden: Jede cgroup stößt an ihr memory.max; fügen Sie ein Swap-Gerät hinzu oder aktivieren Sie den Pool.</translation>
    </message>
    <message>
        <source>cgroup &quot;%1&quot; cannot swap in the classic design: none of its allowed tiers (%2) holds a swap device, and every swapped page needs a slot there.</source>
        <translation>cgroup &quot;%1&quot; kann im klassischen Design nicht auslagern: Keine ihrer erlaubten Stufen (%2) enthält ein Swap-Gerät, und jede ausgelagerte Seite braucht dort einen Slot.</translation>
    </message>
    <message>
        <source>cgroup &quot;%1&quot; cannot swap: its memory.zswap.max is 0 and memory.zswap.writeback is off.</source>
        <translation>cgroup &quot;%1&quot; kann nicht auslagern: Ihr memory.zswap.max ist 0 und memory.zswap.writeback ist aus.</translation>
    </message>
    <message>
        <source>cgroup &quot;%1&quot; cannot swap: the compressed pool is disabled and memory.zswap.writeback is off.</source>
        <translation>cgroup &quot;%1&quot; kann nicht auslagern: Der komprimierte Pool ist deaktiviert und memory.zswap.writeback ist aus.</translation>
    </message>
    <message>
        <source>cgroup &quot;%1&quot; cannot swap: its memory.zswap.max is 0 and none of its allowed tiers (%2) holds a swap device.</source>
        <translation>cgroup &quot;%1&quot; kann nicht auslagern: Ihr memory.zswap.max ist 0, und keine ihrer erlaubten Stufen (%2) enthält ein Swap-Gerät.</translation>
    </message>
    <message>
        <source>cgroup &quot;%1&quot; cannot swap: the compressed pool is disabled and none of its allowed tiers (%2) holds a swap device.</source>
        <translation>cgroup &quot;%1&quot; kann nicht auslagern: Der komprimierte Pool ist deaktiviert, und keine ihrer erlaubten Stufen (%2) enthält ein Swap-Gerät.</translation>
    </message>
    <message>
        <source>Reclaim cannot take any page of it out of memory; enable the pool or writeback, or allow a tier with a device (memory.swap.max = 0 says &quot;never swap&quot; if that is meant).</source>
        <translation>Die Speicherrückgewinnung kann keine ihrer Seiten aus dem Speicher verdrängen; aktivieren Sie den Pool oder Writeback, oder erlauben Sie eine Stufe mit einem Gerät (memory.swap.max = 0 bedeutet &quot;nie auslagern&quot;, falls das gemeint ist).</translation>
    </message>
    <message>
        <source>cgroup &quot;%1&quot; may use no swap tier: its allowed tiers and its ancestors&apos; have none in common.</source>
        <translation>cgroup &quot;%1&quot; darf keine Swap-Stufe nutzen: Ihre erlaubten Stufen und die ihrer Vorfahren haben keine gemeinsam.</translation>
    </message>
    <message>
        <source>cgroup &quot;%1&quot; may only use swap tiers that hold no device (%2).</source>
        <translation>cgroup &quot;%1&quot; darf nur Swap-Stufen nutzen, die kein Gerät enthalten (%2).</translation>
    </message>
    <message>
        <source>Its pages can only stay in the compressed pool or in memory; allow a tier that holds a swap device.</source>
        <translation>Ihre Seiten können nur im komprimierten Pool oder im Speicher bleiben; erlauben Sie eine Stufe, die ein Swap-Gerät enthält.</translation>
    </message>
    <message>
        <source>The compressed pool has no size limit, so no page of cgroup &quot;%1&quot; ever reaches a swap device.</source>
        <translation>Der komprimierte Pool hat kein Größenlimit, daher erreicht keine Seite der cgroup &quot;%1&quot; jemals ein Swap-Gerät.</translation>
    </message>
    <message>
        <source>An uncapped pool accepts every page, and only memory.zswap.max, writeback or idle writeback move pages on to the devices; set a pool limit.</source>
        <translation>Ein unbegrenzter Pool nimmt jede Seite an, und nur memory.zswap.max, Writeback oder Idle-Writeback verschieben Seiten weiter auf die Geräte; legen Sie ein Pool-Limit fest.</translation>
    </message>
    <message>
        <source>cgroup &quot;%1&quot; has %2 resident, above its memory.max of %3.</source>
        <translation>cgroup &quot;%1&quot; hat %2 resident, mehr als ihr memory.max von %3.</translation>
    </message>
    <message>
        <source>Reclaim could not bring it under the limit (the kernel would start killing processes); give it more swap room or raise memory.max.</source>
        <translation>Reclaim konnte sie nicht unter das Limit bringen (der Kernel würde beginnen, Prozesse zu beenden); geben Sie ihr mehr Swap-Platz oder erhöhen Sie memory.max.</translation>
    </message>
    <message>
        <source>cgroup &quot;%1&quot; has %2 on swap devices, above its memory.swap.max of %3.</source>
        <translation>cgroup &quot;%1&quot; hat %2 auf Swap-Geräten, mehr als ihr memory.swap.max von %3.</translation>
    </message>
    <message>
        <source>cgroup &quot;%1&quot; has %2 swapped, above its memory.swap.max of %3.</source>
        <translation>cgroup &quot;%1&quot; hat %2 ausgelagert, mehr als ihr memory.swap.max von %3.</translation>
    </message>
    <message>
        <source>Further swap-outs of the subtree are refused until its use drops below the limit; raise memory.swap.max or bring pages back in.</source>
        <translation>Weitere Swap-outs des Teilbaums werden abgelehnt, bis seine Nutzung unter das Limit fällt; erhöhen Sie memory.swap.max oder holen Sie Seiten zurück.</translation>
    </message>
    <message>
        <source>cgroup &quot;%1&quot; holds %2 in the compressed pool, above its memory.zswap.max of %3.</source>
        <translation>cgroup &quot;%1&quot; hält %2 im komprimierten Pool, mehr als ihr memory.zswap.max von %3.</translation>
    </message>
    <message>
        <source>New pages of the subtree go past the pool (or stay in memory when writeback is off) until its pool use drops; raise memory.zswap.max or write its pool pages back.</source>
        <translation>Neue Seiten des Teilbaums gehen am Pool vorbei (oder bleiben bei ausgeschaltetem Writeback im Speicher), bis seine Pool-Nutzung sinkt; erhöhen Sie memory.zswap.max oder schreiben Sie seine Pool-Seiten per Writeback zurück.</translation>
    </message>
    <message>
        <source>%1 of cgroup &quot;%2&quot; (%3) is above that of its ancestor &quot;%4&quot; (%5).</source>
        <translation>%1 der cgroup &quot;%2&quot; (%3) liegt über dem Wert ihres Vorfahren &quot;%4&quot; (%5).</translation>
    </message>
    <message>
        <source>Limits are hierarchical: the subtree never gets more than the ancestor allows, so this limit never takes effect.</source>
        <translation>Limits sind hierarchisch: Der Teilbaum erhält nie mehr, als der Vorfahr erlaubt, daher wird dieses Limit nie wirksam.</translation>
    </message>
    <message>
        <source>The setting has no effect while the pool is disabled ([pool] enabled = false).</source>
        <translation>Die Einstellung ist wirkungslos, solange der Pool deaktiviert ist ([pool] enabled = false).</translation>
    </message>
    <message>
        <source>cgroup &quot;%1&quot; sets memory.zswap.max to %2, but the compressed pool is disabled.</source>
        <translation>cgroup &quot;%1&quot; setzt memory.zswap.max auf %2, aber der komprimierte Pool ist deaktiviert.</translation>
    </message>
    <message>
        <source>Refault promotion to the pool (device_to_pool) is on, but the compressed pool is disabled.</source>
        <translation>Refault-Hochstufung in den Pool (device_to_pool) ist aktiv, aber der komprimierte Pool ist deaktiviert.</translation>
    </message>
    <message>
        <source>Scheduled maintenance writes back or recompresses pool pages, but the compressed pool is disabled.</source>
        <translation>Die geplante Wartung führt Writeback oder Neukomprimierung von Pool-Seiten aus, aber der komprimierte Pool ist deaktiviert.</translation>
    </message>
    <message>
        <source>Promotion to a faster tier (device_to_faster_tier) is on, but fewer than two tiers hold swap devices.</source>
        <translation>Die Hochstufung in eine schnellere Stufe (device_to_faster_tier) ist aktiv, aber weniger als zwei Stufen enthalten Swap-Geräte.</translation>
    </message>
    <message>
        <source>An entry only moves to a device of a tier above its own, so nothing is ever promoted; put devices in two tiers or turn the option off.</source>
        <translation>Ein Eintrag wird nur auf ein Gerät einer höheren Stufe als seiner eigenen verschoben, daher wird nie etwas hochgestuft; verteilen Sie Geräte auf zwei Stufen oder schalten Sie die Option aus.</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>notice</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>device %1</source>
        <translation>Gerät %1</translation>
    </message>
    <message>
        <source>tier %1</source>
        <translation>Stufe %1</translation>
    </message>
    <message>
        <source>cgroup %1</source>
        <translation>cgroup %1</translation>
    </message>
</context>
<context>
    <name>swaptier::services::DemoCommand</name>
    <message>
        <source>Run &quot;%1 demo --help&quot; for usage.</source>
        <translation>Mit &quot;%1 demo --help&quot; erhalten Sie Hinweise zur Verwendung.</translation>
    </message>
    <message>
        <source>Runs the built-in demo workload against a real engine: a compressed pool and two swap files (a fast high-priority one and a slower one) in a temporary directory, worker threads swapping real pages (text, shared-library, zero and random pages) in and out for several cgroups, verifying every byte read back, duplicating and dropping references, moving entries between pool, devices and memory, and swapping off the fast device mid-run. At the end every entry is dropped, the engine must be empty and the temporary directory is removed.

Progress goes to stderr; the summary and the statistics report go to stdout.

</source>
        <translation>Führt den eingebauten Demo-Workload auf einer echten Engine aus: ein komprimierter Pool und zwei Swapdateien (eine schnelle mit hoher Priorität und eine langsamere) in einem temporären Verzeichnis, Worker-Threads, die echte Seiten (Text-, Shared-Library-, Null- und Zufallsseiten) für mehrere cgroups ein- und auslagern, dabei jedes zurückgelesene Byte überprüfen, Referenzen duplizieren und verwerfen, Einträge zwischen Pool, Geräten und Speicher verschieben und mitten im Lauf das schnelle Gerät per swapoff abschalten. Am Ende wird jeder Eintrag verworfen, die Engine muss leer sein, und das temporäre Verzeichnis wird entfernt.

Fortschrittsmeldungen gehen nach stderr; die Zusammenfassung und der Statistikbericht nach stdout.

</translation>
    </message>
    <message>
        <source>Worker threads, 1 to 64 (default %1).</source>
        <translation>Worker-Threads, 1 bis 64 (Standard %1).</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Pages to swap out in all (default %1).</source>
        <translation>Insgesamt auszulagernde Seiten (Standard %1).</translation>
    </message>
    <message>
        <source>Seed of the page contents and the operation mix (default %1).</source>
        <translation>Seed für die Seiteninhalte und den Operationsmix (Standard %1).</translation>
    </message>
    <message>
        <source>Pool codec: lz4, zstd or lzo (default %1).</source>
        <translation>Pool-Codec: lz4, zstd oder lzo (Standard %1).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Pool memory limit, e.g. 16M, 512K, 1G; 0 for none (default %1).</source>
        <translation>Speicherlimit des Pools, z. B. 16M, 512K, 1G; 0 für keines (Standard %1).</translation>
    </message>
    <message>
        <source>size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Cgroups owning the pages (default %1).</source>
        <translation>Anzahl der cgroups, denen die Seiten gehören (Standard %1).</translation>
    </message>
    <message>
        <source>Also write the report as JSON to &lt;file&gt;.</source>
        <translation>Zusätzlich Ausgabe des Berichts als JSON in &lt;Datei&gt;.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Directory for the temporary swap files (default: %1).</source>
        <translation>Verzeichnis für die temporären Swapdateien (Standard: %1).</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>Verzeichnis</translation>
    </message>
    <message>
        <source>Add the table of the pool&apos;s size classes to the report.</source>
        <translation>Die Tabelle der Größenklassen des Pools in den Bericht aufnehmen.</translation>
    </message>
    <message>
        <source>No progress lines on stderr.</source>
        <translation>Keine Fortschrittszeilen auf stderr.</translation>
    </message>
    <message>
        <source>Run the demo workload.</source>
        <translation>Den Demo-Workload ausführen.</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;.</source>
        <translation>unerwartetes Argument &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--threads needs a whole number, not &quot;%1&quot;.</source>
        <translation>--threads erwartet eine ganze Zahl, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--pages needs a whole number, not &quot;%1&quot;.</source>
        <translation>--pages erwartet eine ganze Zahl, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--seed needs a whole number, not &quot;%1&quot;.</source>
        <translation>--seed erwartet eine ganze Zahl, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--cgroups needs a whole number, not &quot;%1&quot;.</source>
        <translation>--cgroups erwartet eine ganze Zahl, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>unknown pool codec &quot;%1&quot;; use lz4, zstd or lzo.</source>
        <translation>unbekannter Pool-Codec &quot;%1&quot;; verwenden Sie lz4, zstd oder lzo.</translation>
    </message>
    <message>
        <source>--pool-limit needs a size such as 16M, 512K or 1G, not &quot;%1&quot;.</source>
        <translation>--pool-limit erwartet eine Größe wie 16M, 512K oder 1G, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Engine statistics after the workload, before teardown</source>
        <translation>Engine-Statistik nach dem Workload, vor dem Abbau</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>cannot write the JSON report to &quot;%1&quot;: %2</source>
        <translation>der JSON-Bericht kann nicht nach &quot;%1&quot; geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>swaptier::services::DemoRun</name>
    <message>
        <source>(further failures not shown)</source>
        <translation>(weitere Fehler nicht angezeigt)</translation>
    </message>
    <message>
        <source>Swap-in of slot %1 (page %2, %3) failed: %4</source>
        <translation>Swap-in von Slot %1 (Seite %2, %3) fehlgeschlagen: %4</translation>
    </message>
    <message>
        <source>Slot %1 (page %2, cgroup %3, %4) read back from the %5 backend differs from what was swapped out, first at byte %6.</source>
        <translation>Slot %1 (Seite %2, cgroup %3, %4), zurückgelesen aus dem Backend %5, weicht vom ausgelagerten Inhalt ab, erstmals bei Byte %6.</translation>
    </message>
    <message>
        <source>Lookup of live slot %1 (page %2) failed: %3</source>
        <translation>Nachschlagen des belegten Slots %1 (Seite %2) fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>Slot %1 reports swap count %2 and cgroup %3; its owner holds %4 references for cgroup %5.</source>
        <translation>Slot %1 meldet Swap-Zähler %2 und cgroup %3; sein Besitzer hält %4 Referenzen für cgroup %5.</translation>
    </message>
    <message>
        <source>Dropping a reference to slot %1 (page %2) failed: %3</source>
        <translation>Verwerfen einer Referenz auf Slot %1 (Seite %2) fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>Swap-out of page %1 (%2) for cgroup %3 failed: %4</source>
        <translation>Swap-out von Seite %1 (%2) für cgroup %3 fehlgeschlagen: %4</translation>
    </message>
    <message>
        <source>Duplicating slot %1 (page %2) failed: %3</source>
        <translation>Duplizieren von Slot %1 (Seite %2) fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>Moving slot %1 (page %2) to %3 failed: %4</source>
        <translation>Verschieben von Slot %1 (Seite %2) fehlgeschlagen (Ziel: %3): %4</translation>
    </message>
    <message>
        <source>Moving a batch of %1 entries to %2 failed for %3 of them: %4</source>
        <translation>Verschieben eines Stapels von %1 Einträgen (Ziel: %2) für %3 davon fehlgeschlagen: %4</translation>
    </message>
    <message>
        <source>Dropping the cached page of slot %1 failed: %2</source>
        <translation>Verwerfen der zwischengespeicherten Seite von Slot %1 fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>swaptier::services::DemoWorkload</name>
    <message>
        <source>the compressed pool</source>
        <translation>komprimierter Pool</translation>
    </message>
    <message>
        <source>any swap device</source>
        <translation>beliebiges Swap-Gerät</translation>
    </message>
    <message>
        <source>swap device %1</source>
        <translation>Swap-Gerät %1</translation>
    </message>
    <message>
        <source>memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>pool %1 (ratio %2), %3 device slots used, %4 live entries</source>
        <translation>Pool %1 (Verhältnis %2), %3 Geräteslots belegt, %4 aktive Einträge</translation>
    </message>
    <message>
        <source>The number of threads must be between 1 and 64 (got %1).</source>
        <translation>Die Anzahl der Threads muss zwischen 1 und 64 liegen (erhalten: %1).</translation>
    </message>
    <message>
        <source>The number of pages must be between 1 and 10000000 (got %1).</source>
        <translation>Die Anzahl der Seiten muss zwischen 1 und 10000000 liegen (erhalten: %1).</translation>
    </message>
    <message>
        <source>The number of cgroups must be between 1 and 1000 (got %1).</source>
        <translation>Die Anzahl der cgroups muss zwischen 1 und 1000 liegen (erhalten: %1).</translation>
    </message>
    <message>
        <source>The pool needs a compressing codec (zstd, lz4 or lzo), not &quot;raw&quot;.</source>
        <translation>Der Pool benötigt einen komprimierenden Codec (zstd, lz4 oder lzo), nicht &quot;raw&quot;.</translation>
    </message>
    <message>
        <source>The work directory &quot;%1&quot; does not exist or is not a directory.</source>
        <translation>Das Arbeitsverzeichnis &quot;%1&quot; existiert nicht oder ist kein Verzeichnis.</translation>
    </message>
    <message>
        <source>The work directory &quot;%1&quot; is not writable.</source>
        <translation>Das Arbeitsverzeichnis &quot;%1&quot; ist nicht beschreibbar.</translation>
    </message>
    <message>
        <source>loading the page corpus (text files, shared libraries)</source>
        <translation>Seitenkorpus wird geladen (Textdateien, Shared Libraries)</translation>
    </message>
    <message>
        <source>Loading the page corpus failed: %1</source>
        <translation>Laden des Seitenkorpus fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>page corpus: %1 text pages, %2 library pages; mix %3</source>
        <translation>Seitenkorpus: %1 Textseiten, %2 Bibliotheksseiten; Mix %3</translation>
    </message>
    <message>
        <source>Cannot create a temporary directory in &quot;%1&quot;: %2</source>
        <translation>In &quot;%1&quot; kann kein temporäres Verzeichnis angelegt werden: %2</translation>
    </message>
    <message>
        <source>Creating the engine failed: %1</source>
        <translation>Erstellen der Engine fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Adding the fast swap device failed: %1</source>
        <translation>Hinzufügen des schnellen Swap-Geräts fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Adding the slow swap device failed: %1</source>
        <translation>Hinzufügen des langsamen Swap-Geräts fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>engine: %1 pool, limit %2; devices %3 (priority %4, %5) and %6 (priority %7, %8) in %9</source>
        <translation>Engine: %1-Pool, Limit %2; Geräte %3 (Priorität %4, %5) und %6 (Priorität %7, %8) in %9</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <source>running %1 worker threads over %2 pages (seed %3)</source>
        <translation>Ausführung mit %1 Worker-Threads über %2 Seiten (Seed %3)</translation>
    </message>
    <message>
        <source>swapoff of device %1 (priority %2) while the workers run</source>
        <translation>swapoff von Gerät %1 (Priorität %2), während die Worker laufen</translation>
    </message>
    <message>
        <source>Swapoff of device %1 failed: %2</source>
        <translation>Swapoff von Gerät %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>swapoff done: %1 entries, %2 to other devices, %3 to memory, %4 freed meanwhile, %5 ms</source>
        <translation>swapoff fertig: %1 Einträge, %2 auf andere Geräte, %3 in den Speicher, %4 zwischenzeitlich freigegeben, %5 ms</translation>
    </message>
    <message>
        <source>After swapoff with file removal, &quot;%1&quot; still exists.</source>
        <translation>Nach swapoff mit Entfernen der Datei existiert &quot;%1&quot; weiterhin.</translation>
    </message>
    <message>
        <source>%1% (%2/%3 pages out): %4</source>
        <translation>%1% (%2/%3 Seiten ausgelagert): %4</translation>
    </message>
    <message>
        <source>workers done: %1</source>
        <translation>Worker fertig: %1</translation>
    </message>
    <message>
        <source>The engine reports %1 entries on its backends and %2 live slots; the workers hold %3.</source>
        <translation>Die Engine meldet %1 Einträge auf ihren Backends und %2 belegte Slots; die Worker halten %3.</translation>
    </message>
    <message>
        <source>verifying all %1 remaining entries</source>
        <translation>alle %1 verbleibenden Einträge werden überprüft</translation>
    </message>
    <message>
        <source>After every reference was dropped, the %1 backend still holds %2 entries (%3).</source>
        <translation>Nachdem alle Referenzen verworfen wurden, hält das Backend %1 noch %2 Einträge (%3).</translation>
    </message>
    <message>
        <source>After every reference was dropped, %1 slots are live and the pool holds %2 objects.</source>
        <translation>Nachdem alle Referenzen verworfen wurden, sind %1 Slots belegt und der Pool hält %2 Objekte.</translation>
    </message>
    <message>
        <source>After every reference was dropped, device %1 still has %2 used slots.</source>
        <translation>Nachdem alle Referenzen verworfen wurden, hat Gerät %1 noch %2 belegte Slots.</translation>
    </message>
    <message>
        <source>The engine counted %1 = %2, the workload did %3.</source>
        <translation>Die Engine zählte %1 = %2, der Workload ergab %3.</translation>
    </message>
    <message>
        <source>The workload freed %1 entries but swapped out %2.</source>
        <translation>Der Workload hat %1 Einträge freigegeben, aber %2 ausgelagert.</translation>
    </message>
    <message>
        <source>The engine counted %1 I/O errors and %2 corruptions.</source>
        <translation>Die Engine zählte %1 I/O-Fehler und %2 Beschädigungen.</translation>
    </message>
    <message>
        <source>The swap file &quot;%1&quot; was not removed when the engine closed it.</source>
        <translation>Die Swapdatei &quot;%1&quot; wurde beim Schließen durch die Engine nicht entfernt.</translation>
    </message>
    <message>
        <source>The temporary directory &quot;%1&quot; could not be removed.</source>
        <translation>Das temporäre Verzeichnis &quot;%1&quot; konnte nicht entfernt werden.</translation>
    </message>
    <message>
        <source>The temporary directory &quot;%1&quot; was left behind.</source>
        <translation>Das temporäre Verzeichnis &quot;%1&quot; wurde zurückgelassen.</translation>
    </message>
    <message>
        <source>done: all checks passed</source>
        <translation>fertig: alle Prüfungen bestanden</translation>
    </message>
    <message numerus="yes">
        <source>done: %n check(s) failed</source>
        <translation>
            <numerusform>fertig: %n Prüfung fehlgeschlagen</numerusform>
            <numerusform>fertig: %n Prüfungen fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message>
        <source>workload</source>
        <translation>Workload</translation>
    </message>
    <message>
        <source>%1 threads, %2 pages, seed %3, %4 pool, pool limit %5, %6 cgroups</source>
        <translation>%1 Threads, %2 Seiten, Seed %3, %4-Pool, Pool-Limit %5, %6 cgroups</translation>
    </message>
    <message>
        <source>swapped out</source>
        <translation>ausgelagert</translation>
    </message>
    <message>
        <source>%1 pages (%2)</source>
        <translation>%1 Seiten (%2)</translation>
    </message>
    <message>
        <source>swapped in</source>
        <translation>eingelagert</translation>
    </message>
    <message>
        <source>%1 (%2 verified byte for byte, %3 swap-cache hits)</source>
        <translation>%1 (%2 Byte für Byte überprüft, %3 Swap-Cache-Treffer)</translation>
    </message>
    <message>
        <source>references</source>
        <translation>Referenzen</translation>
    </message>
    <message>
        <source>%1 duplicated, %2 dropped, %3 entries freed</source>
        <translation>%1 dupliziert, %2 verworfen, %3 Einträge freigegeben</translation>
    </message>
    <message>
        <source>moves</source>
        <translation>Verschiebungen</translation>
    </message>
    <message>
        <source>%1 moved, %2 moved in batches, %3 skipped, %4 refused (no room), %5 busy</source>
        <translation>%1 verschoben, %2 stapelweise verschoben, %3 übersprungen, %4 abgelehnt (kein Platz), %5 belegt</translation>
    </message>
    <message>
        <source>lookups</source>
        <translation>Abfragen</translation>
    </message>
    <message>
        <source>%1 cross-checked, %2 cached pages dropped</source>
        <translation>%1 gegengeprüft, %2 zwischengespeicherte Seiten verworfen</translation>
    </message>
    <message>
        <source>swapoff</source>
        <translation>swapoff</translation>
    </message>
    <message>
        <source>%1 entries moved off the fast device (%2 to devices, %3 to memory, %4 freed meanwhile) in %5 ms</source>
        <translation>%1 Einträge vom schnellen Gerät verschoben (%2 auf Geräte, %3 in den Speicher, %4 zwischenzeitlich freigegeben) in %5 ms</translation>
    </message>
    <message>
        <source>not done</source>
        <translation>nicht ausgeführt</translation>
    </message>
    <message>
        <source>elapsed</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>%1 s (%2 pages/s)</source>
        <translation>%1 s (%2 Seiten/s)</translation>
    </message>
    <message>
        <source>result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>OK: every page read back intact, the engine ended empty, no file left behind</source>
        <translation>OK: jede Seite intakt zurückgelesen, die Engine endete leer, keine Datei zurückgelassen</translation>
    </message>
    <message numerus="yes">
        <source>FAILED: %n problem(s)</source>
        <translation>
            <numerusform>FEHLGESCHLAGEN (%n Problem)</numerusform>
            <numerusform>FEHLGESCHLAGEN (%n Probleme)</numerusform>
        </translation>
    </message>
    <message>
        <source>swaptier demo</source>
        <translation>swaptier-Demo</translation>
    </message>
</context>
<context>
    <name>swaptier::services::EngineHost</name>
    <message>
        <source>A scenario is already running; stop it first.</source>
        <translation>Es läuft bereits ein Szenario; stoppen Sie es zuerst.</translation>
    </message>
    <message>
        <source>The speed must be more than 0% and at most 100% of full speed.</source>
        <translation>Die Geschwindigkeit muss mehr als 0 % und höchstens 100 % der vollen Geschwindigkeit betragen.</translation>
    </message>
</context>
<context>
    <name>swaptier::services::ErrorText</name>
    <message>
        <source>No error.</source>
        <translation>Kein Fehler.</translation>
    </message>
    <message>
        <source>Swap slot %1 does not exist: it was never allocated or its cluster has been released.</source>
        <translation>Swap-Slot %1 existiert nicht: Er wurde nie belegt, oder sein Cluster wurde freigegeben.</translation>
    </message>
    <message>
        <source>The swap slot does not exist: it was never allocated or its cluster has been released.</source>
        <translation>Der Swap-Slot existiert nicht: Er wurde nie belegt, oder sein Cluster wurde freigegeben.</translation>
    </message>
    <message>
        <source>Swap slot %1 is free: its entry was already released.</source>
        <translation>Swap-Slot %1 ist frei: Sein Eintrag wurde bereits freigegeben.</translation>
    </message>
    <message>
        <source>The swap slot is free: its entry was already released.</source>
        <translation>Der Swap-Slot ist frei: Sein Eintrag wurde bereits freigegeben.</translation>
    </message>
    <message>
        <source>No backend could take the page: the compressed pool refused it and no swap device has a free slot.</source>
        <translation>Kein Backend konnte die Seite aufnehmen: Der komprimierte Pool hat sie abgelehnt, und kein Swap-Gerät hat einen freien Slot.</translation>
    </message>
    <message>
        <source>The compressed pool is at its memory limit and refuses pages until its usage drops below the accept threshold.</source>
        <translation>Der komprimierte Pool hat sein Speicherlimit erreicht und lehnt Seiten ab, bis seine Belegung unter die Annahmeschwelle sinkt.</translation>
    </message>
    <message>
        <source>No swap device is available for this operation.</source>
        <translation>Für diesen Vorgang ist kein Swap-Gerät verfügbar.</translation>
    </message>
    <message>
        <source>Swap device %1 does not exist: it was never added or has been removed.</source>
        <translation>Swap-Gerät %1 existiert nicht: Es wurde nie hinzugefügt oder wurde entfernt.</translation>
    </message>
    <message>
        <source>The swap device does not exist: it was never added or has been removed.</source>
        <translation>Das Swap-Gerät existiert nicht: Es wurde nie hinzugefügt oder wurde entfernt.</translation>
    </message>
    <message>
        <source>Swap device %1 has no free slot.</source>
        <translation>Swap-Gerät %1 hat keinen freien Slot.</translation>
    </message>
    <message>
        <source>The swap device has no free slot.</source>
        <translation>Das Swap-Gerät hat keinen freien Slot.</translation>
    </message>
    <message>
        <source>Reading or writing &quot;%1&quot; failed.</source>
        <translation>Lesen oder Schreiben von &quot;%1&quot; ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>A read or write failed.</source>
        <translation>Ein Lese- oder Schreibvorgang ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The file system holding &quot;%1&quot; is full.</source>
        <translation>Das Dateisystem, auf dem &quot;%1&quot; liegt, ist voll.</translation>
    </message>
    <message>
        <source>The file system holding the swap file is full.</source>
        <translation>Das Dateisystem, auf dem die Swapdatei liegt, ist voll.</translation>
    </message>
    <message>
        <source>The stored data of swap slot %1 is corrupt: it failed its checksum or could not be decompressed.</source>
        <translation>Die gespeicherten Daten von Swap-Slot %1 sind beschädigt: Die Prüfsumme stimmt nicht, oder sie konnten nicht dekomprimiert werden.</translation>
    </message>
    <message>
        <source>Stored data is corrupt: it failed its checksum or could not be decompressed.</source>
        <translation>Gespeicherte Daten sind beschädigt: Die Prüfsumme stimmt nicht, oder sie konnten nicht dekomprimiert werden.</translation>
    </message>
    <message>
        <source>A read or write of &quot;%1&quot; transferred fewer bytes than requested; the file may have been truncated.</source>
        <translation>Ein Lese- oder Schreibvorgang auf &quot;%1&quot; hat weniger Bytes übertragen als angefordert; die Datei wurde möglicherweise gekürzt.</translation>
    </message>
    <message>
        <source>A read or write transferred fewer bytes than requested; the file may have been truncated.</source>
        <translation>Ein Lese- oder Schreibvorgang hat weniger Bytes übertragen als angefordert; die Datei wurde möglicherweise gekürzt.</translation>
    </message>
    <message>
        <source>An argument is out of range or malformed.</source>
        <translation>Ein Argument liegt außerhalb des gültigen Bereichs oder ist fehlerhaft.</translation>
    </message>
    <message>
        <source>Swap slot %1 is being moved by another operation; try again later.</source>
        <translation>Swap-Slot %1 wird gerade von einem anderen Vorgang verschoben; versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The entry is being moved by another operation; try again later.</source>
        <translation>Der Eintrag wird gerade von einem anderen Vorgang verschoben; versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The operation was cancelled.</source>
        <translation>Der Vorgang wurde abgebrochen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; already exists and is not a swaptier swap file; it was left untouched.</source>
        <translation>&quot;%1&quot; existiert bereits und ist keine swaptier-Swapdatei; die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <source>The file already exists and is not a swaptier swap file; it was left untouched.</source>
        <translation>Die Datei existiert bereits und ist keine swaptier-Swapdatei; sie wurde nicht verändert.</translation>
    </message>
    <message>
        <source>The policy of cgroup %1 (%2) does not allow this page there.</source>
        <translation>Die Richtlinie von cgroup %1 (%2) lässt diese Seite dort nicht zu.</translation>
    </message>
    <message>
        <source>a limit</source>
        <translation>ein Limit</translation>
    </message>
    <message>
        <source>Unknown error (code %1).</source>
        <translation>Unbekannter Fehler (Code %1).</translation>
    </message>
    <message>
        <source>swap slot %1</source>
        <translation>Swap-Slot %1</translation>
    </message>
    <message>
        <source>swap device %1</source>
        <translation>Swap-Gerät %1</translation>
    </message>
    <message>
        <source>file &quot;%1&quot;</source>
        <translation>Datei &quot;%1&quot;</translation>
    </message>
    <message>
        <source>byte offset %1</source>
        <translation>Byte-Offset %1</translation>
    </message>
    <message>
        <source>(At %1.)</source>
        <translation>(Bei %1.)</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>The system reported: %1 (errno %2).</source>
        <translation>Das System meldete: %1 (errno %2).</translation>
    </message>
</context>
<context>
    <name>swaptier::services::HistoryCommand</name>
    <message>
        <source>Lists the runs recorded with &quot;%1 run --db FILE&quot; (newest first). With a RUN id, prints that run and its samples over time: progress, counters, and the entries of every tier.

</source>
        <translation>Listet die mit &quot;%1 run --db FILE&quot; aufgezeichneten Läufe auf (neueste zuerst). Mit einer RUN-ID wird dieser Lauf mit seinen Messpunkten im Zeitverlauf ausgegeben: Fortschritt, Zähler und die Einträge jeder Stufe.

</translation>
    </message>
    <message>
        <source>The sqlite history file (required).</source>
        <translation>Die sqlite-Verlaufsdatei (erforderlich).</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Print JSON: the list of runs, or the run with its report and samples.</source>
        <translation>JSON ausgeben: die Liste der Läufe oder den Lauf mit Bericht und Messpunkten.</translation>
    </message>
    <message>
        <source>A run id from the list.</source>
        <translation>Eine Lauf-ID aus der Liste.</translation>
    </message>
    <message>
        <source>--db FILE is required.</source>
        <translation>--db FILE ist erforderlich.</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;.</source>
        <translation>unerwartetes Argument &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>RUN must be a run id from the list, not &quot;%1&quot;.</source>
        <translation>RUN muss eine Lauf-ID aus der Liste sein, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>there is no history file &quot;%1&quot;.</source>
        <translation>es gibt keine Verlaufsdatei &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>started (UTC)</source>
        <translation>Start (UTC)</translation>
    </message>
    <message>
        <source>scenario</source>
        <translation>Szenario</translation>
    </message>
    <message>
        <source>variant</source>
        <translation>Variante</translation>
    </message>
    <message>
        <source>design</source>
        <translation>Design</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>samples</source>
        <translation>Messpunkte</translation>
    </message>
    <message>
        <source>No runs recorded in &quot;%1&quot;.</source>
        <translation>Keine aufgezeichneten Läufe in &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Run %1: %2%3, %4 design, seed %5</source>
        <translation>Lauf %1: %2%3, %4-Design, Seed %5</translation>
    </message>
    <message>
        <source>  source %1; host %2; swaptier %3</source>
        <translation>  Quelle %1; Host %2; swaptier %3</translation>
    </message>
    <message>
        <source>  started %1, finished %2, status %3</source>
        <translation>  gestartet %1, beendet %2, Status %3</translation>
    </message>
    <message>
        <source>  error: %1</source>
        <translation>  Fehler: %1</translation>
    </message>
    <message>
        <source>time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>accesses</source>
        <translation>Zugriffe</translation>
    </message>
    <message>
        <source>swap-outs</source>
        <translation>Swap-outs</translation>
    </message>
    <message>
        <source>swap-ins</source>
        <translation>Swap-ins</translation>
    </message>
    <message>
        <source>refaults</source>
        <translation>Refaults</translation>
    </message>
    <message>
        <source>%1 entries</source>
        <translation>%1 Einträge</translation>
    </message>
    <message numerus="yes">
        <source>%n samples:</source>
        <translation>
            <numerusform>%n Messpunkt:</numerusform>
            <numerusform>%n Messpunkte:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>swaptier::services::HistorySchema</name>
    <message>
        <source>schema version %1 does not exist (this build knows 1 to %2)</source>
        <translation>Schemaversion %1 existiert nicht (dieser Build kennt 1 bis %2)</translation>
    </message>
    <message>
        <source>cannot start the migration: %1</source>
        <translation>die Migration kann nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>the database belongs to another application (application_id %1)</source>
        <translation>die Datenbank gehört zu einer anderen Anwendung (application_id %1)</translation>
    </message>
    <message>
        <source>the database has swaptier&apos;s application_id but no schema version</source>
        <translation>die Datenbank hat die application_id von swaptier, aber keine Schemaversion</translation>
    </message>
    <message>
        <source>schema version %1 is newer than %2</source>
        <translation>Schemaversion %1 ist neuer als %2</translation>
    </message>
    <message>
        <source>cannot set the application id: %1</source>
        <translation>die Anwendungs-ID kann nicht gesetzt werden: %1</translation>
    </message>
    <message>
        <source>step %1 (%2) failed: %3</source>
        <translation>Schritt %1 (%2) ist fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>migrating from schema version %1 to %2 failed, nothing was changed: %3</source>
        <translation>die Migration von Schemaversion %1 auf %2 ist fehlgeschlagen, es wurde nichts geändert: %3</translation>
    </message>
    <message>
        <source> while reading</source>
        <translation> beim Lesen</translation>
    </message>
    <message>
        <source> while writing</source>
        <translation> beim Schreiben</translation>
    </message>
    <message>
        <source> while syncing to disk</source>
        <translation> beim Synchronisieren auf den Datenträger</translation>
    </message>
    <message>
        <source> while truncating</source>
        <translation> beim Kürzen</translation>
    </message>
</context>
<context>
    <name>swaptier::services::HistoryStore</name>
    <message>
        <source>the directory %1 does not exist</source>
        <translation>das Verzeichnis %1 existiert nicht</translation>
    </message>
    <message>
        <source>%1 is not a directory</source>
        <translation>%1 ist kein Verzeichnis</translation>
    </message>
    <message>
        <source>the directory %1 is not writable</source>
        <translation>das Verzeichnis %1 ist nicht beschreibbar</translation>
    </message>
    <message>
        <source>%1: %2: %3</source>
        <translation>%1: %2: %3</translation>
    </message>
    <message>
        <source>no run %1 in %2</source>
        <translation>kein Lauf %1 in %2</translation>
    </message>
    <message>
        <source>no history database file was given</source>
        <translation>es wurde keine Verlaufsdatenbank-Datei angegeben</translation>
    </message>
    <message>
        <source>%1: cannot open the history database: it is a directory</source>
        <translation>%1: die Verlaufsdatenbank kann nicht geöffnet werden: es ist ein Verzeichnis</translation>
    </message>
    <message>
        <source>%1: cannot open the history database: %2</source>
        <translation>%1: die Verlaufsdatenbank kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1: cannot write the history database: the file is read-only</source>
        <translation>%1: in die Verlaufsdatenbank kann nicht geschrieben werden: die Datei ist schreibgeschützt</translation>
    </message>
    <message>
        <source>%1: not a swaptier history database: %2</source>
        <translation>%1: keine swaptier-Verlaufsdatenbank: %2</translation>
    </message>
    <message>
        <source>%1: the history database is damaged: %2</source>
        <translation>%1: die Verlaufsdatenbank ist beschädigt: %2</translation>
    </message>
    <message>
        <source>%1: cannot open the history database: %2 (sqlite keeps its journal files next to the database)</source>
        <translation>%1: die Verlaufsdatenbank kann nicht geöffnet werden: %2 (sqlite legt seine Journaldateien neben der Datenbank ab)</translation>
    </message>
    <message>
        <source>%1: cannot read the history database: %2</source>
        <translation>%1: die Verlaufsdatenbank kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: not a swaptier history database: it is a sqlite database of another application (it has tables but no application_id)</source>
        <translation>%1: keine swaptier-Verlaufsdatenbank: es ist eine sqlite-Datenbank einer anderen Anwendung (sie hat Tabellen, aber keine application_id)</translation>
    </message>
    <message>
        <source>%1: not a swaptier history database: it belongs to another application (application_id 0x%2)</source>
        <translation>%1: keine swaptier-Verlaufsdatenbank: sie gehört zu einer anderen Anwendung (application_id 0x%2)</translation>
    </message>
    <message>
        <source>%1: the history database has schema version %2, newer than this swaptier knows (%3); open it with a newer swaptier</source>
        <translation>%1: die Verlaufsdatenbank hat Schemaversion %2, neuer als diese swaptier-Version kennt (%3); öffnen Sie sie mit einer neueren swaptier-Version</translation>
    </message>
    <message>
        <source>%1: cannot create the history database: %2</source>
        <translation>%1: die Verlaufsdatenbank kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: the history database is damaged (table %2): %3</source>
        <translation>%1: die Verlaufsdatenbank ist beschädigt (Tabelle %2): %3</translation>
    </message>
    <message>
        <source>%1: cannot switch the history database to write-ahead logging (journal mode %2): %3</source>
        <translation>%1: die Verlaufsdatenbank kann nicht auf Write-Ahead-Logging umgestellt werden (Journalmodus %2): %3</translation>
    </message>
    <message>
        <source>%1: cannot configure the history database: %2</source>
        <translation>%1: die Verlaufsdatenbank kann nicht konfiguriert werden: %2</translation>
    </message>
    <message>
        <source>%1: cannot record a run of design &quot;%2&quot;: the design must be &quot;virtual&quot; or &quot;classic&quot;</source>
        <translation>%1: ein Lauf des Designs &quot;%2&quot; kann nicht aufgezeichnet werden: zulässig sind nur &quot;virtual&quot; oder &quot;classic&quot;</translation>
    </message>
    <message>
        <source>%1: cannot record a run with status &quot;%2&quot;</source>
        <translation>%1: ein Lauf mit diesem Status kann nicht aufgezeichnet werden: &quot;%2&quot;</translation>
    </message>
    <message>
        <source>cannot record run &quot;%1&quot;</source>
        <translation>Fehler beim Aufzeichnen von Lauf &quot;%1&quot;</translation>
    </message>
    <message numerus="yes">
        <source>cannot write %n sample(s) of run %1</source>
        <translation>
            <numerusform>kann %n Messwert von Lauf %1 nicht schreiben</numerusform>
            <numerusform>kann %n Messwerte von Lauf %1 nicht schreiben</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: cannot finish run %2 with status &quot;%3&quot;: it must be &quot;done&quot;, &quot;failed&quot; or &quot;cancelled&quot;</source>
        <translation>%1: Lauf %2 kann nicht mit dem Status &quot;%3&quot; abgeschlossen werden: zulässig sind nur &quot;done&quot;, &quot;failed&quot; oder &quot;cancelled&quot;</translation>
    </message>
    <message>
        <source>cannot finish run %1</source>
        <translation>Lauf %1 kann nicht abgeschlossen werden</translation>
    </message>
    <message>
        <source>%1: run %2 is already finished (%3)</source>
        <translation>%1: Lauf %2 ist bereits abgeschlossen (%3)</translation>
    </message>
    <message>
        <source>cannot list the runs</source>
        <translation>die Läufe können nicht aufgelistet werden</translation>
    </message>
    <message>
        <source>cannot read run %1</source>
        <translation>Lauf %1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>cannot read the samples of run %1</source>
        <translation>die Messwerte von Lauf %1 können nicht gelesen werden</translation>
    </message>
    <message>
        <source>%1: run %2 is damaged: %3</source>
        <translation>%1: Lauf %2 ist beschädigt: %3</translation>
    </message>
    <message>
        <source>tier rows out of sample order</source>
        <translation>Stufen-Zeilen nicht in der Reihenfolge der Messwerte</translation>
    </message>
    <message>
        <source>unknown backend &quot;%1&quot;</source>
        <translation>unbekanntes Backend &quot;%1&quot;</translation>
    </message>
    <message>
        <source>cgroup rows out of sample order</source>
        <translation>cgroup-Zeilen nicht in der Reihenfolge der Messwerte</translation>
    </message>
</context>
<context>
    <name>swaptier::services::HostRecorder</name>
    <message>
        <source>The application ended during the run.</source>
        <translation>Die Anwendung wurde während des Laufs beendet.</translation>
    </message>
    <message>
        <source>The run is not recorded in the history: %1</source>
        <translation>Der Lauf wird nicht im Verlauf aufgezeichnet: %1</translation>
    </message>
    <message>
        <source>The history of this run is incomplete: %1</source>
        <translation>Der Verlauf dieses Laufs ist unvollständig: %1</translation>
    </message>
</context>
<context>
    <name>swaptier::services::ImportTraceCommand</name>
    <message>
        <source>Converts the memory trace of a real program, as printed by
  valgrind --tool=lackey --trace-mem=yes --log-file=LACKEY_LOG PROGRAM
into a swaptier trace (docs/trace-format.md). Replay it with a workload of kind &quot;trace&quot; in a scenario. Valgrind&apos;s own messages and the program&apos;s output in the log are skipped and counted.

</source>
        <translation>Konvertiert den Speichertrace eines echten Programms, wie ihn
  valgrind --tool=lackey --trace-mem=yes --log-file=LACKEY_LOG PROGRAM
ausgibt, in einen swaptier-Trace (docs/trace-format.md). Spielen Sie ihn mit einem Workload der Art &quot;trace&quot; in einem Szenario ab. Die eigenen Meldungen von Valgrind und die Ausgabe des Programms im Log werden übersprungen und gezählt.

</translation>
    </message>
    <message>
        <source>Also record instruction fetches (as reads of their pages).</source>
        <translation>Auch Instruktionsabrufe aufzeichnen (als Lesezugriffe auf ihre Seiten).</translation>
    </message>
    <message>
        <source>Keep a record equal to the one just before it (default: dropped).</source>
        <translation>Einen Datensatz behalten, der dem unmittelbar vorhergehenden gleicht (Standard: verworfen).</translation>
    </message>
    <message>
        <source>The lackey output.</source>
        <translation>Die lackey-Ausgabe.</translation>
    </message>
    <message>
        <source>The trace file to write.</source>
        <translation>Die zu schreibende Trace-Datei.</translation>
    </message>
    <message>
        <source>needs LACKEY_LOG and OUTPUT.</source>
        <translation>benötigt LACKEY_LOG und OUTPUT.</translation>
    </message>
    <message>
        <source>Wrote %1: %2 records over %3 distinct pages (%4 loads, %5 stores, %6 modifies; %7 other lines skipped, %8 malformed).</source>
        <translation>Nach %1 geschrieben: %2 Datensätze über %3 verschiedene Seiten (%4 Lesezugriffe, %5 Schreibzugriffe, %6 Änderungen; %7 andere Zeilen übersprungen, %8 fehlerhaft).</translation>
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
        <translation>Prüft die Swap-Konfiguration eines Szenarios auf das, was ein Admin wissen möchte: ein komprimierter Pool vor einem zram-Gerät, gleiche Prioritäten bei unterschiedlichen Geräten, Einstellungen, die eine übergeordnete cgroup außer Kraft setzt, Stufen und cgroups ohne Swap-Gerät, ein Pool ohne Limit, Limits, die nie wirksam werden. Jeder Befund enthält eine einzeilige Erklärung. Jede Variante eines Sweeps wird geprüft; nichts wird ausgeführt oder angelegt. SCENARIO ist eine Szenariodatei oder der Name eines eingebauten Szenarios (siehe &quot;%1 scenarios&quot;).

Exit-Codes:
  0  keine Warnung (nur Hinweise oder nichts gefunden)
  1  mindestens eine Warnung
  2  falsche Verwendung (unbekannte Option, ungültiges Szenario: nichts wurde geprüft)</translation>
    </message>
    <message>
        <source>Print the findings as JSON.</source>
        <translation>Befunde als JSON ausgeben.</translation>
    </message>
    <message>
        <source>Check only this variant of a sweep (its label, e.g. &quot;mapped=48M&quot; or &quot;48M&quot;).</source>
        <translation>Nur diese Variante eines Sweeps prüfen (ihre Bezeichnung, z. B. &quot;mapped=48M&quot; oder &quot;48M&quot;).</translation>
    </message>
    <message>
        <source>label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Scenario file or built-in name.</source>
        <translation>Szenariodatei oder Name eines eingebauten Szenarios.</translation>
    </message>
    <message>
        <source>no scenario given.</source>
        <translation>kein Szenario angegeben.</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;.</source>
        <translation>unerwartetes Argument &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>the scenario has no variant &quot;%1&quot;.</source>
        <translation>das Szenario hat keine Variante &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>%1: no findings.</source>
        <translation>%1: keine Befunde.</translation>
    </message>
    <message>
        <source>%1: warnings: %2, notices: %3</source>
        <translation>%1: Warnungen: %2, Hinweise: %3</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>Gegenstand</translation>
    </message>
    <message>
        <source>message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>swaptier::services::MetricsCommand</name>
    <message>
        <source>Runs SCENARIO in the sandbox and writes its tier and cgroup figures in the Prometheus text format to DIR/%1, for node_exporter&apos;s textfile collector (--collector.textfile.directory=DIR). The file is replaced atomically at every sample and at the end, so the collector never reads half a file. Label cardinality is bounded: beyond --max-cgroups cgroups the smallest are summed into cgroup=&quot;other&quot;. The metrics are described in docs/metrics.md.

</source>
        <translation>Führt SCENARIO in der Sandbox aus und schreibt dessen Stufen- und cgroup-Kennzahlen im Prometheus-Textformat nach DIR/%1, für den Textfile-Collector von node_exporter (--collector.textfile.directory=DIR). Die Datei wird bei jedem Messpunkt und am Ende atomar ersetzt, sodass der Collector nie eine halbe Datei liest. Die Label-Kardinalität ist begrenzt: Über --max-cgroups cgroups hinaus werden die kleinsten zu cgroup=&quot;other&quot; zusammengefasst. Die Metriken sind in docs/metrics.md beschrieben.

</translation>
    </message>
    <message>
        <source>The textfile collector directory (required).</source>
        <translation>Das Verzeichnis des Textfile-Collectors (erforderlich).</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>Verzeichnis</translation>
    </message>
    <message>
        <source>Name of the file in DIR, ending in .prom (default %1).</source>
        <translation>Name der Datei in DIR, mit Endung .prom (Standard %1).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Cgroups with their own series (default %1).</source>
        <translation>Anzahl der cgroups mit eigenen Zeitreihen (Standard %1).</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Scenario file or built-in name.</source>
        <translation>Szenariodatei oder Name eines eingebauten Szenarios.</translation>
    </message>
    <message>
        <source>--textfile DIR is required.</source>
        <translation>--textfile DIR ist erforderlich.</translation>
    </message>
    <message>
        <source>no scenario given.</source>
        <translation>kein Szenario angegeben.</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;.</source>
        <translation>unerwartetes Argument &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--file-name must be a file name ending in .prom, not &quot;%1&quot;.</source>
        <translation>--file-name muss ein Dateiname mit Endung .prom sein, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--max-cgroups needs a whole number &gt;= 0, not &quot;%1&quot;.</source>
        <translation>--max-cgroups erwartet eine ganze Zahl &gt;= 0, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>the textfile directory &quot;%1&quot; does not exist.</source>
        <translation>das Textfile-Verzeichnis &quot;%1&quot; existiert nicht.</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>Geschrieben: %1</translation>
    </message>
</context>
<context>
    <name>swaptier::services::ProgressReporter</name>
    <message>
        <source>k</source>
        <translation>k</translation>
    </message>
    <message>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <source>G</source>
        <translation>G</translation>
    </message>
    <message>
        <source>T</source>
        <translation>T</translation>
    </message>
    <message>
        <source>P</source>
        <translation>P</translation>
    </message>
    <message>
        <source>E</source>
        <translation>E</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
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
        <source>ETA --</source>
        <translation>Restzeit --</translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation>Restzeit %1</translation>
    </message>
    <message>
        <source>%1 accesses</source>
        <translation>%1 Zugriffe</translation>
    </message>
    <message>
        <source>%1 swap-outs</source>
        <translation>%1 Swap-outs</translation>
    </message>
    <message>
        <source>%1 refaults</source>
        <translation>%1 Refaults</translation>
    </message>
</context>
<context>
    <name>swaptier::services::PrometheusExporter</name>
    <message>
        <source>Invalid metrics file name &quot;%1&quot;: it must be a plain, visible file name.</source>
        <translation>Ungültiger Name der Metrikdatei &quot;%1&quot;: Es muss ein einfacher, sichtbarer Dateiname sein.</translation>
    </message>
    <message>
        <source>Cannot create a temporary file in %1: %2</source>
        <translation>In %1 kann keine temporäre Datei angelegt werden: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Fehler beim Schreiben von %1: %2</translation>
    </message>
    <message>
        <source>Cannot replace %1: %2</source>
        <translation>Fehler beim Ersetzen von %1: %2</translation>
    </message>
    <message>
        <source>%1 was replaced, but its directory cannot be opened to flush it: %2</source>
        <translation>%1 wurde ersetzt, aber sein Verzeichnis kann nicht geöffnet werden, um es auf den Datenträger zu schreiben: %2</translation>
    </message>
    <message>
        <source>%1 was replaced, but its directory cannot be flushed to disk: %2</source>
        <translation>%1 wurde ersetzt, aber sein Verzeichnis kann nicht auf den Datenträger geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>swaptier::services::RunCommand</name>
    <message>
        <source>Runs a scenario in the sandbox: simulated processes in cgroups with memory limits, a reclaimer swapping real pages through the swap design, every page that comes back checked byte for byte. SCENARIO is a scenario file or the name of a built-in one (see &quot;%1 scenarios&quot;). A scenario with a sweep runs once per value.

Progress goes to stderr (a bar on a terminal), the summary to stdout; the summary lists what each action did.

</source>
        <translation>Führt ein Szenario in der Sandbox aus: simulierte Prozesse in cgroups mit Speicherlimits, ein Reclaimer, der echte Seiten über das Swap-Design auslagert, und jede zurückkehrende Seite wird Byte für Byte geprüft. SCENARIO ist eine Szenariodatei oder der Name eines eingebauten Szenarios (siehe &quot;%1 scenarios&quot;). Ein Szenario mit Sweep läuft einmal pro Wert.

Der Fortschritt geht nach stderr (auf einem Terminal als Balken), die Zusammenfassung nach stdout; die Zusammenfassung führt auf, was jede Aktion bewirkt hat.

</translation>
    </message>
    <message>
        <source>Runs a scenario twice per variant, with the virtual design (virtual swap slots in the page tables) and with the classic design (physical locations in the page tables, a disk slot reserved for every compressed page, swapoff walking every page table), same workload and seed, and prints a table of the differences, and one per action (pages moved and written, write calls, page-table entries walked, disk reserved, time). For a sweep it also prints the swapoff cost per variant.

</source>
        <translation>Führt ein Szenario pro Variante zweimal aus, mit dem virtuellen Design (virtuelle Swap-Slots in den Seitentabellen) und mit dem klassischen Design (physische Speicherorte in den Seitentabellen, ein reservierter Platten-Slot für jede komprimierte Seite, swapoff durchläuft jede Seitentabelle), bei gleichem Workload und Seed, und gibt eine Tabelle der Unterschiede aus sowie eine pro Aktion (verschobene und geschriebene Seiten, Schreibaufrufe, durchlaufene Seitentabelleneinträge, reservierter Plattenplatz, Zeit). Bei einem Sweep gibt es zusätzlich die swapoff-Kosten pro Variante aus.

</translation>
    </message>
    <message>
        <source>Write the full report as JSON to &lt;file&gt;.</source>
        <translation>Ausgabe des vollständigen Berichts als JSON in &lt;Datei&gt;.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Record the run and its samples (per tier and per cgroup) in the sqlite history &lt;file&gt; (created if missing).</source>
        <translation>Den Lauf und seine Messpunkte (pro Stufe und pro cgroup) in der sqlite-Verlaufsdatei &lt;Datei&gt; aufzeichnen (wird angelegt, falls sie fehlt).</translation>
    </message>
    <message>
        <source>Scenario file or built-in name.</source>
        <translation>Szenariodatei oder Name eines eingebauten Szenarios.</translation>
    </message>
    <message>
        <source>no scenario given.</source>
        <translation>kein Szenario angegeben.</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;.</source>
        <translation>unerwartetes Argument &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>%1: virtual and classic design, seed %2</source>
        <translation>%1: virtuelles und klassisches Design, Seed %2</translation>
    </message>
    <message>
        <source>interrupted.</source>
        <translation>unterbrochen.</translation>
    </message>
</context>
<context>
    <name>swaptier::services::SampleRecorder</name>
    <message numerus="yes">
        <source>%1; in all, %n recorded sample(s) could not be written</source>
        <translation>
            <numerusform>%1; insgesamt konnte %n aufgezeichneter Messwert nicht geschrieben werden</numerusform>
            <numerusform>%1; insgesamt konnten %n aufgezeichnete Messwerte nicht geschrieben werden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>swaptier::services::SandboxSummary</name>
    <message>
        <source>max</source>
        <translation>max</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 us</source>
        <translation>%1 us</translation>
    </message>
    <message>
        <source>start</source>
        <translation>Anfang</translation>
    </message>
    <message>
        <source>end</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>at</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <source>pages moved</source>
        <translation>Seiten verschoben</translation>
    </message>
    <message>
        <source>pages written</source>
        <translation>Seiten geschrieben</translation>
    </message>
    <message>
        <source>write calls</source>
        <translation>Schreibaufrufe</translation>
    </message>
    <message>
        <source>PTEs walked</source>
        <translation>PTEs durchlaufen</translation>
    </message>
    <message>
        <source>reclaimed</source>
        <translation>zurückgewonnen</translation>
    </message>
    <message>
        <source>disk reserved before -&gt; after</source>
        <translation>Plattenplatz reserviert vorher -&gt; nachher</translation>
    </message>
    <message>
        <source>time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>%1 -&gt; %2</source>
        <translation>%1 -&gt; %2</translation>
    </message>
    <message>
        <source>Action %1 failed: %2</source>
        <translation>Aktion %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Actions:</source>
        <translation>Aktionen:</translation>
    </message>
    <message>
        <source>metric</source>
        <translation>Kennzahl</translation>
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
        <source>classic / virtual</source>
        <translation>klassisch / virtuell</translation>
    </message>
    <message>
        <source>-</source>
        <translation>-</translation>
    </message>
    <message>
        <source>page-table entries walked</source>
        <translation>Seitentabelleneinträge durchlaufen</translation>
    </message>
    <message>
        <source>bytes reclaimed</source>
        <translation>Bytes zurückgewonnen</translation>
    </message>
    <message>
        <source>CPU time</source>
        <translation>CPU-Zeit</translation>
    </message>
    <message>
        <source>wall time</source>
        <translation>Echtzeit</translation>
    </message>
    <message>
        <source>Action %1: %2 at %3</source>
        <translation>Aktion %1: %2 zum Zeitpunkt %3</translation>
    </message>
    <message>
        <source>Failed in the virtual design: %1</source>
        <translation>Im virtuellen Design fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Failed in the classic design: %1</source>
        <translation>Im klassischen Design fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>  seed %1, %2 rounds, %3 wall, %4 CPU, %5 accesses/s%6
</source>
        <translation>  Seed %1, %2 Runden, %3 Echtzeit, %4 CPU, %5 Zugriffe/s%6
</translation>
    </message>
    <message>
        <source> (cancelled)</source>
        <translation> (abgebrochen)</translation>
    </message>
    <message>
        <source> (cut short by the duration)</source>
        <translation> (wegen der Laufzeitbegrenzung vorzeitig beendet)</translation>
    </message>
    <message>
        <source>counter</source>
        <translation>Zähler</translation>
    </message>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>per second</source>
        <translation>pro Sekunde</translation>
    </message>
    <message>
        <source>accesses</source>
        <translation>Zugriffe</translation>
    </message>
    <message>
        <source>writes</source>
        <translation>Schreibvorgänge</translation>
    </message>
    <message>
        <source>first-touch faults</source>
        <translation>Seitenfehler beim Erstzugriff</translation>
    </message>
    <message>
        <source>swap-in faults (major)</source>
        <translation>Swap-in-Seitenfehler (major)</translation>
    </message>
    <message>
        <source>refaults (workingset)</source>
        <translation>Refaults (Workingset)</translation>
    </message>
    <message>
        <source>refault activations</source>
        <translation>Refault-Aktivierungen</translation>
    </message>
    <message>
        <source>swap-outs</source>
        <translation>Swap-outs</translation>
    </message>
    <message>
        <source>pages scanned</source>
        <translation>Seiten gescannt</translation>
    </message>
    <message>
        <source>copy-on-write breaks</source>
        <translation>Copy-on-Write-Auflösungen</translation>
    </message>
    <message>
        <source>forks</source>
        <translation>Forks</translation>
    </message>
    <message>
        <source>reclaim failures</source>
        <translation>fehlgeschlagene Rückgewinnungen</translation>
    </message>
    <message>
        <source>charges past memory.max</source>
        <translation>Anrechnungen über memory.max</translation>
    </message>
    <message>
        <source>swap.max hits</source>
        <translation>swap.max erreicht</translation>
    </message>
    <message>
        <source>pages verified byte for byte</source>
        <translation>Seiten byteweise geprüft</translation>
    </message>
    <message>
        <source>tier</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>entries</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <source>original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>stored</source>
        <translation>gespeichert</translation>
    </message>
    <message>
        <source>capacity</source>
        <translation>Kapazität</translation>
    </message>
    <message>
        <source>Tiers at the end of the workload:</source>
        <translation>Stufen am Ende der Arbeitslast:</translation>
    </message>
    <message>
        <source>cgroup</source>
        <translation>cgroup</translation>
    </message>
    <message>
        <source>memory.max</source>
        <translation>memory.max</translation>
    </message>
    <message>
        <source>resident</source>
        <translation>resident</translation>
    </message>
    <message>
        <source>peak</source>
        <translation>Spitze</translation>
    </message>
    <message>
        <source>swapped</source>
        <translation>ausgelagert</translation>
    </message>
    <message>
        <source>in pool</source>
        <translation>im Pool</translation>
    </message>
    <message>
        <source>swap-ins</source>
        <translation>Swap-ins</translation>
    </message>
    <message>
        <source>refaults</source>
        <translation>Refaults</translation>
    </message>
    <message>
        <source>Cgroups (resident and peak include the subtree):</source>
        <translation>cgroups (resident und Spitze schließen den Teilbaum ein):</translation>
    </message>
    <message>
        <source>design figure</source>
        <translation>Design-Kennzahl</translation>
    </message>
    <message>
        <source>now</source>
        <translation>aktuell</translation>
    </message>
    <message>
        <source>swap metadata</source>
        <translation>Swap-Metadaten</translation>
    </message>
    <message>
        <source>disk reserved</source>
        <translation>Plattenplatz reserviert</translation>
    </message>
    <message>
        <source>pages written to disk</source>
        <translation>Seiten auf Platte geschrieben</translation>
    </message>
    <message>
        <source>pages read from disk</source>
        <translation>Seiten von Platte gelesen</translation>
    </message>
    <message>
        <source>swapoff of device</source>
        <translation>swapoff von Gerät</translation>
    </message>
    <message>
        <source>mapped pages</source>
        <translation>gemappte Seiten</translation>
    </message>
    <message>
        <source>Some pages could not be swapped out and stayed resident (first refusal: %1).</source>
        <translation>Einige Seiten konnten nicht ausgelagert werden und blieben resident (erste Ablehnung: %1).</translation>
    </message>
    <message numerus="yes">
        <source>Teardown: every process exited; %n entries left in the swap design.</source>
        <translation>
            <numerusform>Abbau: Alle Prozesse wurden beendet; %n Eintrag bleibt im Swap-Design.</numerusform>
            <numerusform>Abbau: Alle Prozesse wurden beendet; %n Einträge bleiben im Swap-Design.</numerusform>
        </translation>
    </message>
    <message>
        <source>swap-in faults</source>
        <translation>Swap-in-Seitenfehler</translation>
    </message>
    <message>
        <source>disk reserved (peak)</source>
        <translation>Plattenplatz reserviert (Spitze)</translation>
    </message>
    <message>
        <source>disk reserved (end)</source>
        <translation>Plattenplatz reserviert (Ende)</translation>
    </message>
    <message>
        <source>swap metadata (peak)</source>
        <translation>Swap-Metadaten (Spitze)</translation>
    </message>
    <message>
        <source>swapoff time</source>
        <translation>swapoff-Zeit</translation>
    </message>
    <message>
        <source>swapoff page-table entries walked</source>
        <translation>swapoff: Seitentabelleneinträge durchlaufen</translation>
    </message>
    <message>
        <source>variant</source>
        <translation>Variante</translation>
    </message>
    <message>
        <source>swapped entries</source>
        <translation>ausgelagerte Einträge</translation>
    </message>
    <message>
        <source>virtual swapoff</source>
        <translation>swapoff virtuell</translation>
    </message>
    <message>
        <source>classic swapoff</source>
        <translation>swapoff klassisch</translation>
    </message>
    <message>
        <source>classic PTEs walked</source>
        <translation>PTEs klassisch durchlaufen</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>(Standard)</translation>
    </message>
    <message>
        <source>Swapoff cost as the mapped area grows:</source>
        <translation>Swapoff-Kosten bei wachsendem gemapptem Bereich:</translation>
    </message>
    <message>
        <source>%1 (device %2)</source>
        <translation>%1 (Gerät %2)</translation>
    </message>
    <message>
        <source>pages in</source>
        <translation>Seiten eingelagert</translation>
    </message>
    <message>
        <source>pages out</source>
        <translation>Seiten ausgelagert</translation>
    </message>
    <message>
        <source>swapped off</source>
        <translation>per swapoff entfernt</translation>
    </message>
    <message>
        <source>Elapsed time of the whole run, workload and actions.</source>
        <translation>Verstrichene Zeit des gesamten Laufs, Last und Aktionen.</translation>
    </message>
    <message>
        <source>Processor time the process used during the run, all threads together.</source>
        <translation>Prozessorzeit, die der Prozess während des Laufs verbraucht hat, alle Threads zusammen.</translation>
    </message>
    <message>
        <source>Page accesses the workload made: the same work in both designs (same workload and seed).</source>
        <translation>Seitenzugriffe des Workloads: in beiden Designs dieselbe Arbeit (gleicher Workload und Seed).</translation>
    </message>
    <message>
        <source>Pages the reclaimer swapped out (to zero pages, the pool or swapfiles).</source>
        <translation>Seiten, die der Reclaimer ausgelagert hat (als Nullseiten, in den Pool oder in Swapdateien).</translation>
    </message>
    <message>
        <source>Faults on swapped pages that brought them back (major faults).</source>
        <translation>Seitenfehler auf ausgelagerten Seiten, die diese zurückgeholt haben (Major Faults).</translation>
    </message>
    <message>
        <source>Swap-ins of pages that were evicted while still in use (workingset refaults).</source>
        <translation>Swap-ins von Seiten, die verdrängt wurden, obwohl sie noch in Gebrauch waren (Workingset-Refaults).</translation>
    </message>
    <message>
        <source>4 KiB pages written to the swapfiles.</source>
        <translation>In die Swapdateien geschriebene 4-KiB-Seiten.</translation>
    </message>
    <message>
        <source>4 KiB pages read back from the swapfiles.</source>
        <translation>Aus den Swapdateien zurückgelesene 4-KiB-Seiten.</translation>
    </message>
    <message>
        <source>Most swapfile space taken at once. The classic design reserves a swapfile slot for every compressed page, even one that never reaches the disk.</source>
        <translation>Höchster gleichzeitig belegter Swapdatei-Platz. Das klassische Design reserviert für jede komprimierte Seite einen Swapdatei-Slot, auch für eine, die nie die Platte erreicht.</translation>
    </message>
    <message>
        <source>Swapfile space taken after the last access, before the processes exit.</source>
        <translation>Belegter Swapdatei-Platz nach dem letzten Zugriff, bevor die Prozesse enden.</translation>
    </message>
    <message>
        <source>Most memory the swap bookkeeping took at once: descriptors or swap maps, the pool&apos;s index, reverse maps.</source>
        <translation>Höchster gleichzeitiger Speicherbedarf der Swap-Verwaltung: Deskriptoren oder Swap-Maps, der Index des Pools, Reverse-Maps.</translation>
    </message>
    <message>
        <source>Elapsed time of every swapoff of the run together.</source>
        <translation>Gesamtdauer aller swapoff-Vorgänge des Laufs.</translation>
    </message>
    <message>
        <source>Page-table entries swapoff had to visit. The classic design walks every page table to find the entries of the device; the virtual design changes only the descriptors.</source>
        <translation>Seitentabelleneinträge, die swapoff besuchen musste. Das klassische Design durchläuft jede Seitentabelle, um die Einträge des Geräts zu finden; das virtuelle Design ändert nur die Deskriptoren.</translation>
    </message>
    <message>
        <source>pages written back from the pool</source>
        <translation>Seiten aus dem Pool zurückgeschrieben</translation>
    </message>
    <message>
        <source>pool writebacks</source>
        <translation>Writebacks aus dem Pool</translation>
    </message>
    <message>
        <source>Pages the compressed pool wrote back to the swapfiles to make room or by request (zswpwb).</source>
        <translation>Seiten, die der komprimierte Pool in die Swapdateien zurückschrieb, um Platz zu schaffen oder auf Anforderung (zswpwb).</translation>
    </message>
</context>
<context>
    <name>swaptier::services::ScenarioCommandOptions</name>
    <message>
        <source>Swap design: virtual or classic (default: the scenario&apos;s).</source>
        <translation>Swap-Design: virtual oder classic (Standard: das des Szenarios).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Seed of the workload (default: the scenario&apos;s).</source>
        <translation>Seed des Workloads (Standard: der des Szenarios).</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Directory for the scenario&apos;s swapfiles (default: a temporary directory).</source>
        <translation>Verzeichnis für die Swapdateien des Szenarios (Standard: ein temporäres Verzeichnis).</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>Verzeichnis</translation>
    </message>
    <message>
        <source>Run only this variant of a sweep (its label, e.g. &quot;mapped=48M&quot; or &quot;48M&quot;).</source>
        <translation>Nur diese Variante eines Sweeps ausführen (ihr Label, z. B. &quot;mapped=48M&quot; oder &quot;48M&quot;).</translation>
    </message>
    <message>
        <source>label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>No progress on stderr.</source>
        <translation>Keinen Fortschritt auf stderr ausgeben.</translation>
    </message>
    <message>
        <source>Add an action to the scenario, such as &quot;writeback cgroup=/batch at=50% max_pages=4096&quot; (repeatable; see above).</source>
        <translation>Dem Szenario eine Aktion hinzufügen, etwa &quot;writeback cgroup=/batch at=50% max_pages=4096&quot; (wiederholbar; siehe oben).</translation>
    </message>
    <message>
        <source>spec</source>
        <translation>Spez</translation>
    </message>
    <message>
        <source>unknown design &quot;%1&quot;; use virtual or classic.</source>
        <translation>unbekanntes Design &quot;%1&quot;; verwenden Sie virtual oder classic.</translation>
    </message>
    <message>
        <source>--seed needs a whole number, not &quot;%1&quot;.</source>
        <translation>--seed braucht eine ganze Zahl, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>the scenario has no variant &quot;%1&quot;.</source>
        <translation>das Szenario hat keine Variante &quot;%1&quot;.</translation>
    </message>
</context>
<context>
    <name>swaptier::services::ScenarioParser</name>
    <message>
        <source>TOML syntax error: %1</source>
        <translation>TOML-Syntaxfehler: %1</translation>
    </message>
    <message>
        <source>no such file, and no built-in scenario of that name (built-ins: %1)</source>
        <translation>keine solche Datei und kein eingebautes Szenario dieses Namens (eingebaute Szenarien: %1)</translation>
    </message>
    <message>
        <source>this is a directory, not a scenario file</source>
        <translation>dies ist ein Verzeichnis, keine Szenariodatei</translation>
    </message>
    <message>
        <source>cannot read the scenario file: %1</source>
        <translation>die Szenariodatei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 does not apply to kind = &quot;%2&quot;</source>
        <translation>%1 gilt nicht für kind = &quot;%2&quot;</translation>
    </message>
    <message>
        <source>unsupported action kind in %1</source>
        <translation>nicht unterstützte Aktionsart in %1</translation>
    </message>
    <message>
        <source>&quot;start&quot;, &quot;end&quot;, a percentage such as &quot;50%&quot; or a number between 0 and 1</source>
        <translation>&quot;start&quot;, &quot;end&quot;, ein Prozentwert wie &quot;50%&quot; oder eine Zahl zwischen 0 und 1</translation>
    </message>
    <message>
        <source>a table such as { codec = &quot;zstd&quot;, limit = &quot;32M&quot; }</source>
        <translation>eine Tabelle wie { codec = &quot;zstd&quot;, limit = &quot;32M&quot; }</translation>
    </message>
    <message>
        <source>recompression compresses</source>
        <translation>die Rekomprimierung komprimiert</translation>
    </message>
    <message>
        <source>kind = &quot;%1&quot; in %2 changes nothing: give at least one of %3</source>
        <translation>kind = &quot;%1&quot; in %2 ändert nichts: geben Sie mindestens einen der Schlüssel %3 an</translation>
    </message>
    <message>
        <source>the top-level table</source>
        <translation>der Tabelle der obersten Ebene</translation>
    </message>
    <message>
        <source>a table ([pool])</source>
        <translation>eine Tabelle ([pool])</translation>
    </message>
    <message>
        <source>a scenario needs at least one [[workload]]</source>
        <translation>ein Szenario braucht mindestens ein [[workload]]</translation>
    </message>
    <message>
        <source>the integer 1</source>
        <translation>die Ganzzahl 1</translation>
    </message>
    <message>
        <source>format %1 is not supported: this version of swaptier reads format = 1</source>
        <translation>Format %1 wird nicht unterstützt: diese Version von swaptier liest format = 1</translation>
    </message>
    <message>
        <source>a table ([content])</source>
        <translation>eine Tabelle ([content])</translation>
    </message>
    <message>
        <source>an array of file paths</source>
        <translation>ein Array von Dateipfaden</translation>
    </message>
    <message>
        <source>duplicate device name &apos;%1&apos; (first defined on line %2)</source>
        <translation>doppelter Gerätename &apos;%1&apos; (zuerst definiert in Zeile %2)</translation>
    </message>
    <message>
        <source>device name &apos;%1&apos; may only use letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;</source>
        <translation>der Gerätename &apos;%1&apos; darf nur Buchstaben, Ziffern, &apos;.&apos;, &apos;_&apos; und &apos;-&apos; enthalten</translation>
    </message>
    <message>
        <source>device &apos;%1&apos; has the relative path &apos;%2&apos;, but no device directory was given; give an absolute path or a device directory</source>
        <translation>Gerät &apos;%1&apos; hat den relativen Pfad &apos;%2&apos;, aber es wurde kein Geräteverzeichnis angegeben; geben Sie einen absoluten Pfad oder ein Geräteverzeichnis an</translation>
    </message>
    <message>
        <source>device &apos;%1&apos; uses the same swapfile as device &apos;%2&apos;: %3</source>
        <translation>Gerät &apos;%1&apos; verwendet dieselbe Swapdatei wie Gerät &apos;%2&apos;: %3</translation>
    </message>
    <message>
        <source>duplicate tier name &apos;%1&apos; (first defined on line %2)</source>
        <translation>doppelter Stufenname &apos;%1&apos; (zuerst definiert in Zeile %2)</translation>
    </message>
    <message>
        <source>tier name &apos;%1&apos; may only use lowercase letters, digits, &apos;_&apos; and &apos;-&apos;, at most 32 of them</source>
        <translation>der Stufenname &apos;%1&apos; darf nur Kleinbuchstaben, Ziffern, &apos;_&apos; und &apos;-&apos; enthalten, höchstens 32 Zeichen</translation>
    </message>
    <message>
        <source>a scenario has at most %1 [[tier]] tables</source>
        <translation>ein Szenario hat höchstens %1 [[tier]]-Tabellen</translation>
    </message>
    <message>
        <source>%1 must be at least min_priority (%2), not %3</source>
        <translation>%1 muss mindestens min_priority (%2) sein, nicht %3</translation>
    </message>
    <message>
        <source>&apos;%1&apos; (%2..%3)</source>
        <translation>&apos;%1&apos; (%2..%3)</translation>
    </message>
    <message>
        <source>no tier holds priorities %1..%2: the highest range, tier %3, must end at %2</source>
        <translation>keine Stufe enthält die Prioritäten %1..%2: der höchste Bereich, Stufe %3, muss bei %2 enden</translation>
    </message>
    <message>
        <source>no tier holds priorities %1..%2: the lowest range, tier %3, must start at %1</source>
        <translation>keine Stufe enthält die Prioritäten %1..%2: der niedrigste Bereich, Stufe %3, muss bei %1 beginnen</translation>
    </message>
    <message>
        <source>the ranges of tiers %1 and %2 overlap; a priority belongs to one tier only</source>
        <translation>die Bereiche der Stufen %1 und %2 überschneiden sich; eine Priorität gehört zu genau einer Stufe</translation>
    </message>
    <message>
        <source>tiers %1 and %2 leave priorities %3..%4 without a tier; the ranges must cover %5..%6 with no gap</source>
        <translation>die Stufen %1 und %2 lassen die Prioritäten %3..%4 ohne Stufe; die Bereiche müssen %5..%6 lückenlos abdecken</translation>
    </message>
    <message>
        <source>the root cgroup &apos;/&apos; is given twice (first on line %1)</source>
        <translation>die Root-cgroup &apos;/&apos; ist doppelt angegeben (zuerst in Zeile %1)</translation>
    </message>
    <message>
        <source>the root cgroup &apos;/&apos; has no parent</source>
        <translation>die Root-cgroup &apos;/&apos; hat keine übergeordnete cgroup</translation>
    </message>
    <message>
        <source>duplicate cgroup name &apos;%1&apos; (first defined on line %2)</source>
        <translation>doppelter cgroup-Name &apos;%1&apos; (zuerst definiert in Zeile %2)</translation>
    </message>
    <message>
        <source>cgroup &apos;%1&apos; cannot be its own parent</source>
        <translation>cgroup &apos;%1&apos; kann nicht ihre eigene übergeordnete cgroup sein</translation>
    </message>
    <message>
        <source>parent cgroup &apos;%1&apos; is defined later in the file; define a parent before its children</source>
        <translation>die übergeordnete cgroup &apos;%1&apos; wird erst später in der Datei definiert; definieren Sie eine übergeordnete cgroup vor ihren untergeordneten</translation>
    </message>
    <message>
        <source>unknown parent cgroup &apos;%1&apos;%2 (cgroups: %3)</source>
        <translation>unbekannte übergeordnete cgroup &apos;%1&apos;%2 (cgroups: %3)</translation>
    </message>
    <message>
        <source>duplicate workload name &apos;%1&apos; (first defined on line %2)</source>
        <translation>doppelter Workload-Name &apos;%1&apos; (zuerst definiert in Zeile %2)</translation>
    </message>
    <message>
        <source>%1 must be at most 16T (2^32 pages)</source>
        <translation>%1 darf höchstens 16T (2^32 Seiten) betragen</translation>
    </message>
    <message>
        <source>%1 must not be 1 (the zipfian generator needs theta != 1)</source>
        <translation>%1 darf nicht 1 sein (der Zipf-Generator braucht theta != 1)</translation>
    </message>
    <message>
        <source>the workloads have %1 threads in all; a sandbox runs at most %2</source>
        <translation>die Workloads haben insgesamt %1 Threads; eine Sandbox führt höchstens %2 aus</translation>
    </message>
    <message>
        <source>memory_max of cgroup &apos;%1&apos; must be at least %2 bytes: 16 pages for each of the %3 threads of the workloads in it</source>
        <translation>memory_max der cgroup &apos;%1&apos; muss mindestens %2 Bytes betragen: 16 Seiten für jeden der %3 Threads der Workloads darin</translation>
    </message>
    <message>
        <source>a table ([promotion])</source>
        <translation>eine Tabelle ([promotion])</translation>
    </message>
    <message>
        <source>a table ([maintenance])</source>
        <translation>eine Tabelle ([maintenance])</translation>
    </message>
    <message>
        <source>, did you mean &apos;%1&apos;?</source>
        <translation>, meinten Sie &apos;%1&apos;?</translation>
    </message>
    <message>
        <source>a pool compresses</source>
        <translation>ein Pool komprimiert</translation>
    </message>
    <message>
        <source>a whole percentage between 1 and 100 (90 or &quot;90%&quot;)</source>
        <translation>ein ganzzahliger Prozentwert zwischen 1 und 100 (90 oder &quot;90%&quot;)</translation>
    </message>
    <message>
        <source>a codec name (&quot;lz4&quot;, &quot;zstd&quot; or &quot;lzo&quot;)</source>
        <translation>ein Codec-Name (&quot;lz4&quot;, &quot;zstd&quot; oder &quot;lzo&quot;)</translation>
    </message>
    <message>
        <source>unknown codec &apos;%1&apos; in %2: %3 with &quot;lz4&quot;, &quot;zstd&quot; or &quot;lzo&quot;%4</source>
        <translation>unbekannter Codec &apos;%1&apos; in %2: %3 mit &quot;lz4&quot;, &quot;zstd&quot; oder &quot;lzo&quot;%4</translation>
    </message>
    <message>
        <source>%1 must be at most 584 years (2^64 nanoseconds)</source>
        <translation>%1 darf höchstens 584 Jahre (2^64 Nanosekunden) betragen</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a size per hour; expected a size such as &quot;1G&quot; or &quot;512M/h&quot;, or &quot;max&quot;</source>
        <translation>%1: &apos;%2&apos; ist keine Größe pro Stunde; erwartet wird eine Größe wie &quot;1G&quot; oder &quot;512M/h&quot; oder &quot;max&quot;</translation>
    </message>
    <message>
        <source>an array of tier names such as [&quot;fast&quot;, &quot;slow&quot;]</source>
        <translation>ein Array von Stufennamen wie [&quot;fast&quot;, &quot;slow&quot;]</translation>
    </message>
    <message>
        <source>%1 must name at least one tier; leave it out to allow every tier</source>
        <translation>%1 muss mindestens eine Stufe nennen; lassen Sie den Schlüssel weg, um alle Stufen zu erlauben</translation>
    </message>
    <message>
        <source>each tier in %1 must be a string, not %2</source>
        <translation>jede Stufe in %1 muss eine Zeichenkette sein, nicht %2</translation>
    </message>
    <message>
        <source>unknown tier &apos;%1&apos; in %2 (the scenario has no [[tier]], so its only tier is &quot;default&quot;)</source>
        <translation>unbekannte Stufe &apos;%1&apos; in %2 (das Szenario hat kein [[tier]], daher ist seine einzige Stufe &quot;default&quot;)</translation>
    </message>
    <message>
        <source>unknown tier &apos;%1&apos; in %2%3 (tiers: %4)</source>
        <translation>unbekannte Stufe &apos;%1&apos; in %2%3 (Stufen: %4)</translation>
    </message>
    <message>
        <source>tier &apos;%1&apos; is listed twice in %2</source>
        <translation>Stufe &apos;%1&apos; ist in %2 doppelt aufgeführt</translation>
    </message>
    <message>
        <source>unknown cgroup &apos;%1&apos; in %2%3 (cgroups: %4)</source>
        <translation>unbekannte cgroup &apos;%1&apos; in %2%3 (cgroups: %4)</translation>
    </message>
    <message>
        <source>unknown device &apos;%1&apos; in %2 (the scenario has no [[device]])</source>
        <translation>unbekanntes Gerät &apos;%1&apos; in %2 (das Szenario hat kein [[device]])</translation>
    </message>
    <message>
        <source>unknown device &apos;%1&apos; in %2%3 (devices: %4)</source>
        <translation>unbekanntes Gerät &apos;%1&apos; in %2%3 (Geräte: %4)</translation>
    </message>
    <message>
        <source>a table ([sweep])</source>
        <translation>eine Tabelle ([sweep])</translation>
    </message>
    <message>
        <source>an array of values</source>
        <translation>ein Array von Werten</translation>
    </message>
    <message>
        <source>&apos;values&apos; in [sweep] needs at least one value</source>
        <translation>&apos;values&apos; in [sweep] braucht mindestens einen Wert</translation>
    </message>
    <message>
        <source>bad sweep key &apos;%1&apos;: %2</source>
        <translation>ungültiger Sweep-Schlüssel &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>a top-level key must be one of %1</source>
        <translation>ein Schlüssel der obersten Ebene muss einer von %1 sein</translation>
    </message>
    <message>
        <source>[%1] has no key &apos;%2&apos; (known: %3)</source>
        <translation>[%1] hat keinen Schlüssel &apos;%2&apos; (bekannt: %3)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a table</source>
        <translation>&apos;%1&apos; ist keine Tabelle</translation>
    </message>
    <message>
        <source>expected a top-level key, pool.&lt;key&gt;, content.&lt;key&gt;, promotion.&lt;key&gt;, maintenance.&lt;key&gt;, device.&lt;name&gt;.&lt;key&gt;, cgroup.&lt;name&gt;.&lt;key&gt; or workload.&lt;name&gt;.&lt;key&gt;</source>
        <translation>erwartet wird ein Schlüssel der obersten Ebene, pool.&lt;key&gt;, content.&lt;key&gt;, promotion.&lt;key&gt;, maintenance.&lt;key&gt;, device.&lt;name&gt;.&lt;key&gt;, cgroup.&lt;name&gt;.&lt;key&gt; oder workload.&lt;name&gt;.&lt;key&gt;</translation>
    </message>
    <message>
        <source>expected %1.&lt;name&gt;.&lt;key&gt;</source>
        <translation>erwartet wird %1.&lt;name&gt;.&lt;key&gt;</translation>
    </message>
    <message>
        <source>[[%1]] has no key &apos;%2&apos; that a sweep can vary (known: %3)</source>
        <translation>[[%1]] hat keinen Schlüssel &apos;%2&apos;, den ein Sweep variieren kann (bekannt: %3)</translation>
    </message>
    <message>
        <source>there is no [[%1]] named &apos;%2&apos;</source>
        <translation>es gibt kein [[%1]] namens &apos;%2&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; in %2</source>
        <translation>&apos;%1&apos; in %2</translation>
    </message>
    <message>
        <source>unknown key &apos;%1&apos; in %2</source>
        <translation>unbekannter Schlüssel &apos;%1&apos; in %2</translation>
    </message>
    <message>
        <source>(known: %1)</source>
        <translation>(bekannt: %1)</translation>
    </message>
    <message>
        <source>missing required key &apos;%1&apos; in %2</source>
        <translation>fehlender Pflichtschlüssel &apos;%1&apos; in %2</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>an integer</source>
        <translation>eine Ganzzahl</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>above %1 and at most %2</source>
        <translation>größer als %1 und höchstens %2</translation>
    </message>
    <message>
        <source>between %1 and %2</source>
        <translation>zwischen %1 und %2</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>%1 must not be empty</source>
        <translation>%1 darf nicht leer sein</translation>
    </message>
    <message>
        <source>%1 must be a single line</source>
        <translation>%1 muss eine einzelne Zeile sein</translation>
    </message>
    <message>
        <source>a size of 0 bytes or more</source>
        <translation>eine Größe von 0 Bytes oder mehr</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a size; expected a number of bytes or a number with K, M, G or T (such as &quot;64M&quot;)%3</source>
        <translation>%1: &apos;%2&apos; ist keine Größe; erwartet wird eine Anzahl Bytes oder eine Zahl mit K, M, G oder T (etwa &quot;64M&quot;)%3</translation>
    </message>
    <message>
        <source>, or &quot;max&quot;</source>
        <translation>, oder &quot;max&quot;</translation>
    </message>
    <message>
        <source>a size (a number of bytes, or a string such as &quot;64M&quot; or &quot;max&quot;)</source>
        <translation>eine Größe (eine Anzahl Bytes oder eine Zeichenkette wie &quot;64M&quot; oder &quot;max&quot;)</translation>
    </message>
    <message>
        <source>a size (a number of bytes, or a string such as &quot;64M&quot;)</source>
        <translation>eine Größe (eine Anzahl Bytes oder eine Zeichenkette wie &quot;64M&quot;)</translation>
    </message>
    <message>
        <source>%1 must be at least one page (4096 bytes), not %2 bytes</source>
        <translation>%1 muss mindestens eine Seite (4096 Bytes) groß sein, nicht %2 Bytes</translation>
    </message>
    <message>
        <source>%1 must be a whole number of 4096-byte pages, not %2 bytes</source>
        <translation>%1 muss ein ganzzahliges Vielfaches von 4096-Byte-Seiten sein, nicht %2 Bytes</translation>
    </message>
    <message>
        <source>0 or more milliseconds</source>
        <translation>0 oder mehr Millisekunden</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a duration; expected whole milliseconds such as &quot;250ms&quot;, &quot;30s&quot; or &quot;2m&quot;</source>
        <translation>%1: &apos;%2&apos; ist keine Dauer; erwartet werden ganze Millisekunden wie &quot;250ms&quot;, &quot;30s&quot; oder &quot;2m&quot;</translation>
    </message>
    <message>
        <source>a duration (milliseconds, or a string such as &quot;250ms&quot;, &quot;30s&quot; or &quot;2m&quot;)</source>
        <translation>eine Dauer (Millisekunden oder eine Zeichenkette wie &quot;250ms&quot;, &quot;30s&quot; oder &quot;2m&quot;)</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a page mix; expected weights such as &quot;zero=20,text=40,binary=25,random=15&quot;</source>
        <translation>%1: &apos;%2&apos; ist keine Seitenmischung; erwartet werden Gewichte wie &quot;zero=20,text=40,binary=25,random=15&quot;</translation>
    </message>
    <message>
        <source>a table of weights such as { zero = 20, text = 80 }</source>
        <translation>eine Tabelle von Gewichten wie { zero = 20, text = 80 }</translation>
    </message>
    <message>
        <source>%1 needs at least one weight above 0 (classes: %2)</source>
        <translation>%1 braucht mindestens ein Gewicht größer als 0 (Klassen: %2)</translation>
    </message>
    <message>
        <source>a file path (a string)</source>
        <translation>ein Dateipfad (eine Zeichenkette)</translation>
    </message>
    <message>
        <source>%1: no such file &apos;%2&apos;</source>
        <translation>%1: Datei &apos;%2&apos; existiert nicht</translation>
    </message>
    <message>
        <source>an array of tables ([[%1]])</source>
        <translation>ein Array von Tabellen ([[%1]])</translation>
    </message>
    <message>
        <source>each &apos;%1&apos; must be a table ([[%1]]), not %2</source>
        <translation>jedes &apos;%1&apos; muss eine Tabelle ([[%1]]) sein, nicht %2</translation>
    </message>
    <message>
        <source>a floating-point number</source>
        <translation>eine Gleitkommazahl</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>ein Wahrheitswert</translation>
    </message>
    <message>
        <source>a table</source>
        <translation>eine Tabelle</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>a date</source>
        <translation>ein Datum</translation>
    </message>
    <message>
        <source>a time</source>
        <translation>eine Uhrzeit</translation>
    </message>
    <message>
        <source>a date-time</source>
        <translation>ein Datum mit Uhrzeit</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>%1 must be %2, not %3</source>
        <translation>%1 muss %2 sein, nicht %3</translation>
    </message>
    <message>
        <source>%1 or more</source>
        <translation>%1 oder mehr</translation>
    </message>
    <message>
        <source>one of %1</source>
        <translation>einer der Werte %1</translation>
    </message>
    <message>
        <source>%1 must be one of %2, not &quot;%3&quot;</source>
        <translation>%1 muss einer der Werte %2 sein, nicht &quot;%3&quot;</translation>
    </message>
    <message>
        <source>; did you mean &quot;%1&quot;?</source>
        <translation>; meinten Sie &quot;%1&quot;?</translation>
    </message>
    <message>
        <source>duplicate device name &apos;%1&apos;: the scenario has a device of that name already</source>
        <translation>doppelter Gerätename &apos;%1&apos;: das Szenario hat bereits ein Gerät dieses Namens</translation>
    </message>
    <message>
        <source>device &apos;%1&apos; is added at %2, after this action runs (at %3): an action may only name a device added at the same point or before</source>
        <translation>Gerät &apos;%1&apos; wird bei %2 hinzugefügt, also nach dieser Aktion (bei %3): Eine Aktion darf nur ein Gerät nennen, das zum selben Zeitpunkt oder früher hinzugefügt wird</translation>
    </message>
</context>
<context>
    <name>swaptier::services::ScenarioRunner</name>
    <message>
        <source>The scenario is not valid: field %1 is out of range or inconsistent.</source>
        <translation>Das Szenario ist ungültig: Feld %1 liegt außerhalb des zulässigen Bereichs oder ist inkonsistent.</translation>
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
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>Interrupted: the run was cancelled before its end.</source>
        <translation>Unterbrochen: Der Lauf wurde vor seinem Ende abgebrochen.</translation>
    </message>
    <message numerus="yes">
        <source>%n swap entries were left in the swap design after every process exited.</source>
        <translation>
            <numerusform>%n Swap-Eintrag ist im Swap-Design verblieben, nachdem alle Prozesse beendet waren.</numerusform>
            <numerusform>%n Swap-Einträge sind im Swap-Design verblieben, nachdem alle Prozesse beendet waren.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>swaptier::services::ScenarioWriter</name>
    <message>
        <source>&apos;%1&apos; is %2 ns, but a scenario file holds whole milliseconds</source>
        <translation>&apos;%1&apos; ist %2 ns, aber eine Szenariodatei enthält ganze Millisekunden</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a finite number, not %2</source>
        <translation>&apos;%1&apos; muss eine endliche Zahl sein, nicht %2</translation>
    </message>
    <message>
        <source>&apos;at&apos; must be between 0 and 1, not %1</source>
        <translation>&apos;at&apos; muss zwischen 0 und 1 liegen, nicht %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; = %2 is too large for a scenario file</source>
        <translation>&apos;%1&apos; = %2 ist zu groß für eine Szenariodatei</translation>
    </message>
    <message>
        <source>&apos;size&apos; = %1 pages is too large for a scenario file</source>
        <translation>&apos;size&apos; = %1 Seiten ist zu groß für eine Szenariodatei</translation>
    </message>
    <message>
        <source>the scenario&apos;s name must be one line and not empty</source>
        <translation>der Name des Szenarios muss einzeilig und nicht leer sein</translation>
    </message>
    <message>
        <source>the description must be a single line</source>
        <translation>die Beschreibung muss einzeilig sein</translation>
    </message>
    <message>
        <source>there are %1 device names for %2 devices; a scenario names every device</source>
        <translation>es gibt %1 Gerätenamen für %2 Geräte; ein Szenario benennt jedes Gerät</translation>
    </message>
    <message>
        <source>the first cgroup must be the root, named &quot;/&quot; with no parent</source>
        <translation>die erste cgroup muss die Wurzel sein, mit dem Namen &quot;/&quot; und ohne Elternteil</translation>
    </message>
    <message>
        <source>there is no cgroup %1 (the scenario has %2)</source>
        <translation>es gibt keine cgroup %1 (das Szenario hat %2)</translation>
    </message>
    <message>
        <source>its parent must be a cgroup listed before it, not cgroup %1</source>
        <translation>die übergeordnete cgroup muss vorher aufgeführt sein, nicht cgroup %1</translation>
    </message>
    <message>
        <source>the written text would not load back (line %1: %2)</source>
        <translation>der geschriebene Text ließe sich nicht wieder laden (Zeile %1: %2)</translation>
    </message>
    <message>
        <source>the written text would load back differently: %1 would be %2 instead of %3</source>
        <translation>der geschriebene Text würde anders zurückgelesen: %1 wäre %2 statt %3</translation>
    </message>
    <message>
        <source>cannot save the scenario to &quot;%1&quot;: %2</source>
        <translation>das Szenario kann nicht in &quot;%1&quot; gespeichert werden: %2</translation>
    </message>
    <message>
        <source>it names the device added by an add-device action without a name; give that device a name</source>
        <translation>es nennt das Gerät einer add-device-Aktion ohne Namen; geben Sie diesem Gerät einen Namen</translation>
    </message>
    <message>
        <source>there is no device %1 (the scenario has %2, and %3 added by earlier actions)</source>
        <translation>es gibt kein Gerät %1 (das Szenario hat %2 und %3 durch frühere Aktionen hinzugefügte)</translation>
    </message>
</context>
<context>
    <name>swaptier::services::ScenariosCommand</name>
    <message>
        <source>Lists the built-in scenarios. With a NAME, prints that scenario&apos;s TOML text: save it to a file, edit it and run it with &quot;%1 run FILE&quot;. The format is described in docs/scenario-format.md.

</source>
        <translation>Listet die eingebauten Szenarien auf. Mit einem NAME wird der TOML-Text dieses Szenarios ausgegeben: Speichern Sie ihn in einer Datei, bearbeiten Sie ihn und führen Sie ihn mit &quot;%1 run FILE&quot; aus. Das Format ist in docs/scenario-format.md beschrieben.

</translation>
    </message>
    <message>
        <source>A built-in scenario to print.</source>
        <translation>Ein eingebautes Szenario, das ausgegeben werden soll.</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;.</source>
        <translation>unerwartetes Argument &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>scenario</source>
        <translation>Szenario</translation>
    </message>
    <message>
        <source>description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>no built-in scenario &quot;%1&quot; (there are: %2).</source>
        <translation>kein eingebautes Szenario &quot;%1&quot; (vorhanden: %2).</translation>
    </message>
</context>
<context>
    <name>swaptier::services::StatsReport</name>
    <message>
        <source>backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>entries</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <source>original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>stored</source>
        <translation>gespeichert</translation>
    </message>
    <message>
        <source>ratio</source>
        <translation>Verhältnis</translation>
    </message>
    <message>
        <source>total</source>
        <translation>gesamt</translation>
    </message>
    <message>
        <source>Backends</source>
        <translation>Backends</translation>
    </message>
    <message>
        <source>(level %1)</source>
        <translation>(Stufe %1)</translation>
    </message>
    <message>
        <source>%1, accepting again below %2%</source>
        <translation>%1, nimmt unterhalb von %2% wieder an</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Compressed pool</source>
        <translation>Komprimierter Pool</translation>
    </message>
    <message>
        <source>codec</source>
        <translation>Codec</translation>
    </message>
    <message>
        <source>objects</source>
        <translation>Objekte</translation>
    </message>
    <message>
        <source>%1 (%2 stored raw)</source>
        <translation>%1 (%2 unkomprimiert gespeichert)</translation>
    </message>
    <message>
        <source>original bytes</source>
        <translation>Originalbytes</translation>
    </message>
    <message>
        <source>stored bytes</source>
        <translation>gespeicherte Bytes</translation>
    </message>
    <message>
        <source>pool bytes</source>
        <translation>Pool-Bytes</translation>
    </message>
    <message>
        <source>%1 in %2 zspages</source>
        <translation>%1 in %2 zspages</translation>
    </message>
    <message>
        <source>compression ratio</source>
        <translation>Kompressionsverhältnis</translation>
    </message>
    <message>
        <source>allocator efficiency</source>
        <translation>Allocator-Effizienz</translation>
    </message>
    <message>
        <source>effective ratio</source>
        <translation>effektives Verhältnis</translation>
    </message>
    <message>
        <source>limit</source>
        <translation>Begrenzung</translation>
    </message>
    <message>
        <source>full</source>
        <translation>voll</translation>
    </message>
    <message>
        <source>yes (refusing stores)</source>
        <translation>ja (lehnt Speicherungen ab)</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>limit hits</source>
        <translation>Begrenzung erreicht</translation>
    </message>
    <message>
        <source>rejects</source>
        <translation>Ablehnungen</translation>
    </message>
    <message>
        <source>allocator metadata</source>
        <translation>Allocator-Metadaten</translation>
    </message>
    <message>
        <source>class size</source>
        <translation>Klassengröße</translation>
    </message>
    <message>
        <source>pages/zspage</source>
        <translation>Seiten/zspage</translation>
    </message>
    <message>
        <source>objects/zspage</source>
        <translation>Objekte/zspage</translation>
    </message>
    <message>
        <source>zspages</source>
        <translation>zspages</translation>
    </message>
    <message>
        <source>used</source>
        <translation>belegt</translation>
    </message>
    <message>
        <source>Swap devices</source>
        <translation>Swap-Geräte</translation>
    </message>
    <message>
        <source>device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>used slots</source>
        <translation>belegte Slots</translation>
    </message>
    <message>
        <source>reads</source>
        <translation>Lesezugriffe</translation>
    </message>
    <message>
        <source>writes</source>
        <translation>Schreibzugriffe</translation>
    </message>
    <message>
        <source>errors r/w/crc/discard</source>
        <translation>Fehler r/w/crc/discard</translation>
    </message>
    <message>
        <source>discards</source>
        <translation>Discards</translation>
    </message>
    <message>
        <source>flags</source>
        <translation>Flags</translation>
    </message>
    <message>
        <source>path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>direct</source>
        <translation>direct</translation>
    </message>
    <message>
        <source>buffered</source>
        <translation>buffered</translation>
    </message>
    <message>
        <source>discard</source>
        <translation>discard</translation>
    </message>
    <message>
        <source>write-behind</source>
        <translation>write-behind</translation>
    </message>
    <message>
        <source>draining</source>
        <translation>wird geleert</translation>
    </message>
    <message>
        <source>Descriptors (virtual slot table)</source>
        <translation>Deskriptoren (virtuelle Slot-Tabelle)</translation>
    </message>
    <message>
        <source>live entries</source>
        <translation>aktive Einträge</translation>
    </message>
    <message>
        <source>clusters</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>metadata</source>
        <translation>Metadaten</translation>
    </message>
    <message>
        <source>metadata per entry</source>
        <translation>Metadaten pro Eintrag</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <source>overflow swap counts</source>
        <translation>Überlauf-Swap-Zähler</translation>
    </message>
    <message>
        <source>swap-cache pages</source>
        <translation>Swap-Cache-Seiten</translation>
    </message>
    <message>
        <source>Cgroups</source>
        <translation>cgroups</translation>
    </message>
    <message>
        <source>cgroup</source>
        <translation>cgroup</translation>
    </message>
    <message>
        <source>zero</source>
        <translation>Null</translation>
    </message>
    <message>
        <source>pool</source>
        <translation>Pool</translation>
    </message>
    <message>
        <source>memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
</context>
<context>
    <name>swaptier::services::Units</name>
    <message>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <source>%1 TiB</source>
        <translation>%1 TiB</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
</context>
</TS>
