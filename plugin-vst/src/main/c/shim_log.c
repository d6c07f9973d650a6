#include "shim_log.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
static char log_path[PATH_MAX];

static int can_append(const char *path) {
    FILE *f = fopen(path, "a");
    if (!f) {
        return 0;
    }
    fclose(f);
    return 1;
}

static void make_dirs(const char *dir) {
    char tmp[PATH_MAX];
    snprintf(tmp, sizeof tmp, "%s", dir);
    for (char *p = tmp + 1; *p; p++) {
        if (*p == '/') {
            *p = '\0';
            mkdir(tmp, 0755);
            *p = '/';
        }
    }
    mkdir(tmp, 0755);
}

void shim_log_open(const char *bundle_dir, const char *stem, const char *path_override) {
    char candidate[PATH_MAX];
    pthread_mutex_lock(&log_lock);
    log_path[0] = '\0';
    if (path_override && strcmp(path_override, "off") == 0) {
        pthread_mutex_unlock(&log_lock);
        return;
    }
    if (path_override && *path_override) {
        snprintf(candidate, sizeof candidate, "%s", path_override);
        if (can_append(candidate)) {
            snprintf(log_path, sizeof log_path, "%s", candidate);
        }
        pthread_mutex_unlock(&log_lock);
        return;
    }
    snprintf(candidate, sizeof candidate, "%s/%s.log", bundle_dir, stem);
    if (can_append(candidate)) {
        snprintf(log_path, sizeof log_path, "%s", candidate);
        pthread_mutex_unlock(&log_lock);
        return;
    }
    const char *cache = getenv("XDG_CACHE_HOME");
    const char *home = getenv("HOME");
    char dir[PATH_MAX];
    if (cache && *cache) {
        snprintf(dir, sizeof dir, "%s/percepnet4j", cache);
    } else if (home && *home) {
        snprintf(dir, sizeof dir, "%s/.cache/percepnet4j", home);
    } else {
        pthread_mutex_unlock(&log_lock);
        return;
    }
    make_dirs(dir);
    snprintf(candidate, sizeof candidate, "%s/%s.log", dir, stem);
    if (can_append(candidate)) {
        snprintf(log_path, sizeof log_path, "%s", candidate);
    }
    pthread_mutex_unlock(&log_lock);
}

const char *shim_log_path(void) { return log_path; }

void shim_log(const char *fmt, ...) {
    char message[2048];
    va_list args;
    va_start(args, fmt);
    vsnprintf(message, sizeof message, fmt, args);
    va_end(args);

    char stamp[32];
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);

    pthread_mutex_lock(&log_lock);
    fprintf(stderr, "percepnet4j-vst: %s\n", message);
    if (log_path[0]) {
        FILE *f = fopen(log_path, "a");
        if (f) {
            fprintf(f, "%s [%d] %s\n", stamp, (int)getpid(), message);
            fclose(f);
        }
    }
    pthread_mutex_unlock(&log_lock);
}
