/* Plain-text log of the shim's decisions (which JVM, why a plugin refused to load): stderr and a file. */
#ifndef PERCEPNET4J_SHIM_LOG_H
#define PERCEPNET4J_SHIM_LOG_H

/* Chooses the log file: <bundle>/<stem>.log when writable, else ~/.cache/percepnet4j/<stem>.log.
 * path_override: "off" disables the file, any other non-empty value is used as the file path. */
void shim_log_open(const char *bundle_dir, const char *stem, const char *path_override);

/* One line with a timestamp and the pid; never call from the audio thread. */
void shim_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The file currently logged to ("" when none). */
const char *shim_log_path(void);

#endif
