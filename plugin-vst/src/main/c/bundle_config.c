#define _GNU_SOURCE
#include "bundle_config.h"

#include <ctype.h>
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vst2_abi.h"

static void trim(char *s) {
    char *start = s;
    while (*start && isspace((unsigned char)*start)) {
        start++;
    }
    size_t len = strlen(start);
    while (len > 0 && isspace((unsigned char)start[len - 1])) {
        len--;
    }
    memmove(s, start, len);
    s[len] = '\0';
}

/* Copies src into dst, replacing every "{bundle}" with dir; 0 when it does not fit. */
static int expand(char *dst, size_t size, const char *src, const char *dir) {
    size_t out = 0;
    const char *token = "{bundle}";
    size_t token_len = strlen(token);
    while (*src) {
        const char *piece = src;
        size_t piece_len = 1;
        if (strncmp(src, token, token_len) == 0) {
            piece = dir;
            piece_len = strlen(dir);
            src += token_len;
        } else {
            src++;
        }
        if (out + piece_len + 1 > size) {
            return 0;
        }
        memcpy(dst + out, piece, piece_len);
        out += piece_len;
    }
    dst[out] = '\0';
    return 1;
}

static void note_bad(BundleConfig *cfg, int line, const char *what) {
    size_t used = strlen(cfg->bad_lines);
    snprintf(cfg->bad_lines + used, sizeof cfg->bad_lines - used, "%sline %d: %s", used ? "; " : "", line, what);
}

static int parse_bool(const char *v, int *out) {
    if (strcmp(v, "true") == 0 || strcmp(v, "1") == 0 || strcmp(v, "yes") == 0) {
        *out = 1;
        return 1;
    }
    if (strcmp(v, "false") == 0 || strcmp(v, "0") == 0 || strcmp(v, "no") == 0) {
        *out = 0;
        return 1;
    }
    return 0;
}

static void apply(BundleConfig *cfg, int line, const char *key, const char *value) {
    char expanded[4 * BUNDLE_VALUE_MAX];
    if (!expand(expanded, sizeof expanded, value, cfg->dir)) {
        note_bad(cfg, line, "value too long");
        return;
    }
#define COPY_INTO(field)                                                   \
    do {                                                                   \
        if (strlen(expanded) >= sizeof(cfg->field)) {                      \
            note_bad(cfg, line, "value too long");                         \
        } else {                                                           \
            snprintf(cfg->field, sizeof(cfg->field), "%s", expanded);      \
        }                                                                  \
    } while (0)
    if (strcmp(key, "jvm") == 0) {
        COPY_INTO(jvm);
    } else if (strcmp(key, "classPath") == 0) {
        COPY_INTO(class_path);
    } else if (strcmp(key, "jvmOption") == 0) {
        if (cfg->jvm_option_count >= BUNDLE_MAX_JVM_OPTIONS) {
            note_bad(cfg, line, "too many jvmOption lines");
        } else if (strlen(expanded) >= BUNDLE_VALUE_MAX) {
            note_bad(cfg, line, "value too long");
        } else if (expanded[0]) {
            snprintf(cfg->jvm_options[cfg->jvm_option_count++], BUNDLE_VALUE_MAX, "%s", expanded);
        }
    } else if (strcmp(key, "jvmDefaults") == 0) {
        if (!parse_bool(expanded, &cfg->jvm_defaults)) {
            note_bad(cfg, line, "jvmDefaults must be true or false");
        }
    } else if (strcmp(key, "editor") == 0) {
        if (!parse_bool(expanded, &cfg->editor)) {
            note_bad(cfg, line, "editor must be true or false");
        }
    } else if (strcmp(key, "channels") == 0) {
        if (strcmp(expanded, "1") == 0 || strcmp(expanded, "2") == 0) {
            cfg->channels = expanded[0] - '0';
        } else {
            note_bad(cfg, line, "channels must be 1 or 2");
        }
    } else if (strcmp(key, "uniqueId") == 0) {
        if (strlen(expanded) == 4) {
            cfg->unique_id = VST2_FOURCC(expanded[0], expanded[1], expanded[2], expanded[3]);
        } else {
            note_bad(cfg, line, "uniqueId must be exactly 4 characters");
        }
    } else if (strcmp(key, "effectName") == 0) {
        COPY_INTO(effect_name);
    } else if (strcmp(key, "log") == 0) {
        COPY_INTO(log);
    } else if (strcmp(key, "testGainModel") == 0) {
        COPY_INTO(test_gain_model);
    } else {
        note_bad(cfg, line, "unknown key");
    }
#undef COPY_INTO
}

static void set_defaults(BundleConfig *cfg) {
    snprintf(cfg->class_path, sizeof cfg->class_path, "%s/percepnet4j-lib/*", cfg->dir);
    cfg->jvm_defaults = 1;
    cfg->editor = 1;
    cfg->channels = 2;
    cfg->unique_id = VST2_FOURCC('P', '4', 'j', 'S');
    snprintf(cfg->effect_name, sizeof cfg->effect_name, "%s", "PercepNet4j Denoiser");
}

int bundle_config_load(const void *symbol, BundleConfig *cfg, char *why, unsigned why_size) {
    memset(cfg, 0, sizeof *cfg);
    Dl_info info;
    if (!dladdr(symbol, &info) || !info.dli_fname) {
        snprintf(why, why_size, "dladdr cannot tell where the plugin .so is");
        return -1;
    }
    if (!realpath(info.dli_fname, cfg->so_path)) {
        snprintf(why, why_size, "cannot resolve the plugin path '%s'", info.dli_fname);
        return -1;
    }
    snprintf(cfg->dir, sizeof cfg->dir, "%s", cfg->so_path);
    char *slash = strrchr(cfg->dir, '/');
    const char *file = slash ? slash + 1 : cfg->so_path;
    snprintf(cfg->stem, sizeof cfg->stem, "%s", file);
    if (slash) {
        *slash = '\0';
    }
    size_t stem_len = strlen(cfg->stem);
    if (stem_len > 3 && strcmp(cfg->stem + stem_len - 3, ".so") == 0) {
        cfg->stem[stem_len - 3] = '\0';
    }
    set_defaults(cfg);
    snprintf(cfg->config_path, sizeof cfg->config_path, "%s/%s.conf", cfg->dir, cfg->stem);

    FILE *f = fopen(cfg->config_path, "r");
    if (!f) {
        return 0; /* defaults: a stereo plugin with the jars in percepnet4j-lib/ */
    }
    cfg->config_found = 1;
    char line[4 * BUNDLE_VALUE_MAX + 64];
    int number = 0;
    while (fgets(line, sizeof line, f)) {
        number++;
        if (!strchr(line, '\n') && !feof(f)) {
            note_bad(cfg, number, "line too long");
            int c;
            while ((c = fgetc(f)) != EOF && c != '\n') {
            }
            continue;
        }
        trim(line);
        if (!line[0] || line[0] == '#') {
            continue;
        }
        char *eq = strchr(line, '=');
        if (!eq) {
            note_bad(cfg, number, "not key=value");
            continue;
        }
        *eq = '\0';
        char *key = line;
        char *value = eq + 1;
        trim(key);
        trim(value);
        apply(cfg, number, key, value);
    }
    fclose(f);
    return 0;
}
