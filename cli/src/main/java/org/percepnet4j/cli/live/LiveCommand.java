package org.percepnet4j.cli.live;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.TargetDataLine;
import org.percepnet4j.cli.ParameterOptions;
import org.percepnet4j.cli.PercepnetCommand;
import org.percepnet4j.engine.Processor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code percepnet live}: denoise a microphone into headphones (Java Sound), to hear the settings in real time. */
@Command(name = "live", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Capture from an input device, denoise, and play on an output device (Ctrl-C stops).",
            "Devices are Java Sound mixers, chosen by the number or a part of the name that --list prints."})
public final class LiveCommand implements Callable<Integer> {

    @ParentCommand
    PercepnetCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--list", description = "list the devices that can record or play, then exit")
    boolean list;

    @Option(names = "--in", paramLabel = "DEVICE", description = "capture device (default: the system default)")
    String inDevice;

    @Option(names = "--out", paramLabel = "DEVICE", description = "playback device (default: the system default)")
    String outDevice;

    @Option(names = "--rate", paramLabel = "HZ", description = "sample rate (default: ${DEFAULT-VALUE})")
    int rate = 48000;

    @Option(names = "--channels", paramLabel = "N", description = "1 or 2 (default: ${DEFAULT-VALUE})")
    int channels = 1;

    @Option(names = "--buffer-ms", paramLabel = "MS",
            description = "device buffer: larger is safer against dropouts, smaller has less delay (default: ${DEFAULT-VALUE})")
    int bufferMs = 40;

    @Option(names = "--seconds", paramLabel = "S", description = "stop after this long (default: run until Ctrl-C)")
    double seconds;

    @CommandLine.Mixin
    ParameterOptions settings;

    @Override
    public Integer call() throws Exception {
        if (channels < 1 || channels > 2) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--channels must be 1 or 2");
        }
        if (rate < Processor.MIN_SAMPLE_RATE || rate > Processor.MAX_SAMPLE_RATE) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rate must be from 8000 to 192000 Hz");
        }
        if (bufferMs < 5 || bufferMs > 2000) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--buffer-ms must be from 5 to 2000");
        }
        AudioFormat format = new AudioFormat(rate, 16, channels, true, false);
        PrintWriter out = root.out();
        if (list) {
            return list(out, format);
        }
        var parameters = settings.resolve(root.presets(), spec.commandLine());
        int block = Math.max(1, rate / 100); // 10 ms
        int lineBytes = Math.max(block, rate * bufferMs / 1000) * format.getFrameSize();
        TargetDataLine capture;
        SourceDataLine playback;
        try {
            capture = AudioDevices.open(TargetDataLine.class, format, inDevice);
        } catch (AudioDevices.NoDeviceException e) {
            root.err().println("percepnet: " + e.getMessage());
            return PercepnetCommand.EXIT_FAILURE;
        }
        try {
            playback = AudioDevices.open(SourceDataLine.class, format, outDevice);
        } catch (AudioDevices.NoDeviceException e) {
            capture.close();
            root.err().println("percepnet: " + e.getMessage());
            return PercepnetCommand.EXIT_FAILURE;
        }
        Processor processor = new Processor(root.model());
        processor.prepare(rate, block, channels);
        parameters.applyTo(processor::setParameter);
        LiveLoop loop = new LiveLoop(processor, block);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread hook = new Thread(() -> running.set(false), "percepnet-live-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            capture.open(format, lineBytes);
            playback.open(format, lineBytes);
            out.printf(Locale.ROOT, "Live: %s -> %s, %s; processing latency %.1f ms plus device buffers (%d ms each)."
                    + " Ctrl-C stops.%n", capture.getLineInfo(), playback.getLineInfo(), AudioDevices.describe(format),
                    processor.latencySamples() * 1000.0 / rate, bufferMs);
            out.flush();
            playback.start();
            capture.start();
            long limit = seconds > 0 ? Math.round(seconds * rate) : Long.MAX_VALUE;
            loop.run(capture::read, playback::write, () -> running.get() && loop.frames() < limit);
            playback.drain();
        } catch (javax.sound.sampled.LineUnavailableException e) {
            root.err().println("percepnet: the audio device is busy or unavailable: " + e.getMessage());
            return PercepnetCommand.EXIT_FAILURE;
        } finally {
            capture.close();
            playback.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the JVM is already exiting.
            }
        }
        out.printf(Locale.ROOT, "Stopped after %.1f s.%n", loop.frames() / (double) rate);
        return 0;
    }

    private int list(PrintWriter out, AudioFormat format) {
        List<AudioDevices.Device> devices = AudioDevices.list(format);
        if (devices.isEmpty()) {
            root.err().println("percepnet: no audio devices found for " + AudioDevices.describe(format)
                    + " (Java Sound lists none)");
            return PercepnetCommand.EXIT_FAILURE;
        }
        out.println("Devices for " + AudioDevices.describe(format) + ":");
        for (AudioDevices.Device d : devices) {
            out.printf(Locale.ROOT, "  %2d  %-8s %s  (%s)%n", d.index(),
                    (d.canCapture() ? "in" : "") + (d.canCapture() && d.canPlay() ? "+" : "") + (d.canPlay() ? "out" : ""),
                    d.name(), d.info().getDescription());
        }
        return 0;
    }
}
