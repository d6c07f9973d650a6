package org.percepnet4j.cli.denoise;

import java.nio.file.Path;
import org.percepnet4j.cli.audio.AudioFileType;

/**
 * One file to denoise.
 *
 * @param input      the file to read
 * @param output     where the result goes
 * @param outputType the container written (from the output's extension; FLAC inputs give WAV)
 */
public record DenoiseJob(Path input, Path output, AudioFileType outputType) {
}
