package dev.stageport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TrainingRunTest {

    @Test
    void everyCommandOfTheLaunchersTrainingWorkloadSucceedsAgainstItsStandIn() throws Exception {
        // a command whose calls changed would fail here, and the archive would silently lose it
        assertThat(TrainingRun.train()).isEmpty();
    }

    @Test
    void picocliIsCompiledForJava17SoTheJvmsArchiveCanHoldItsClasses() throws Exception {
        try (InputStream in = CommandLine.class.getResourceAsStream("CommandLine.class")) {
            DataInputStream data = new DataInputStream(in);
            data.readInt();            // magic
            data.readUnsignedShort();  // minor version
            assertThat(data.readUnsignedShort()).as("class file major version").isGreaterThanOrEqualTo(61);
        }
    }
}
