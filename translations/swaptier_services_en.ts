<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
    </context>
</TS>
