#define _GNU_SOURCE
#include "java_runtime.h"

#include <dirent.h>
#include <dlfcn.h>
#include <glob.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "shim_log.h"

#define BRIDGE_CLASS "org.percepnet4j.vst.PluginBridge"
#define MAX_JARS 256

typedef jint (*CreateJavaVmFn)(JavaVM **, void **, void *);
typedef jint (*GetCreatedJavaVmsFn)(JavaVM **, jsize, jsize *);

/* Process-wide: one JVM per process, one bridge class per copy of this library. Written once under
 * start_lock, read-only afterwards. */
static pthread_mutex_t start_lock = PTHREAD_MUTEX_INITIALIZER;
static int started;
static JavaVM *java_vm;
static BridgeMethods bridge;
static char description[PATH_MAX + 128];

static pthread_key_t detach_key;
static pthread_once_t detach_key_once = PTHREAD_ONCE_INIT;
/* Set only for threads this library attached itself; others ask GetEnv each time (someone else may detach them). */
static __thread JNIEnv *attached_env;

static void detach_on_thread_exit(void *unused) {
    (void)unused;
    attached_env = NULL;
    if (java_vm) {
        (*java_vm)->DetachCurrentThread(java_vm);
    }
}

static void make_detach_key(void) { pthread_key_create(&detach_key, detach_on_thread_exit); }

JNIEnv *java_env(void) {
    if (attached_env) {
        return attached_env;
    }
    if (!java_vm) {
        return NULL;
    }
    JNIEnv *env = NULL;
    jint rc = (*java_vm)->GetEnv(java_vm, (void **)&env, JNI_VERSION_1_8);
    if (rc == JNI_OK) {
        return env;
    }
    if (rc != JNI_EDETACHED) {
        return NULL;
    }
    JavaVMAttachArgs args = {JNI_VERSION_1_8, "percepnet4j host thread", NULL};
    if ((*java_vm)->AttachCurrentThreadAsDaemon(java_vm, (void **)&env, &args) != JNI_OK) {
        return NULL;
    }
    pthread_once(&detach_key_once, make_detach_key);
    pthread_setspecific(detach_key, (void *)1);
    attached_env = env;
    return env;
}

const BridgeMethods *java_bridge(void) { return started ? &bridge : NULL; }

const char *java_runtime_description(void) { return description; }

void java_take_exception(JNIEnv *env, char *out, size_t size) {
    out[0] = '\0';
    jthrowable thrown = (*env)->ExceptionOccurred(env);
    if (!thrown) {
        return;
    }
    (*env)->ExceptionClear(env);
    jclass throwable = (*env)->FindClass(env, "java/lang/Throwable");
    if (!throwable) {
        (*env)->ExceptionClear(env);
        snprintf(out, size, "(a Java exception that cannot be described)");
        (*env)->DeleteLocalRef(env, thrown);
        return;
    }
    jmethodID to_string = (*env)->GetMethodID(env, throwable, "toString", "()Ljava/lang/String;");
    jmethodID get_cause = (*env)->GetMethodID(env, throwable, "getCause", "()Ljava/lang/Throwable;");
    size_t used = 0;
    jthrowable current = thrown;
    for (int depth = 0; current && depth < 4; depth++) {
        jstring text = (jstring)(*env)->CallObjectMethod(env, current, to_string);
        if ((*env)->ExceptionCheck(env)) {
            (*env)->ExceptionClear(env);
        }
        if (text) {
            const char *utf = (*env)->GetStringUTFChars(env, text, NULL);
            if (utf) {
                used += (size_t)snprintf(out + used, used < size ? size - used : 0, "%s%s",
                                         depth ? "; caused by " : "", utf);
                (*env)->ReleaseStringUTFChars(env, text, utf);
            }
            (*env)->DeleteLocalRef(env, text);
        }
        jthrowable cause = (jthrowable)(*env)->CallObjectMethod(env, current, get_cause);
        if ((*env)->ExceptionCheck(env)) {
            (*env)->ExceptionClear(env);
            cause = NULL;
        }
        (*env)->DeleteLocalRef(env, current);
        current = cause;
        if (used >= size) {
            break;
        }
    }
    if (current) {
        (*env)->DeleteLocalRef(env, current);
    }
    (*env)->DeleteLocalRef(env, throwable);
}

/* ---- finding libjvm.so ------------------------------------------------------------------------- */

static int file_exists(const char *path) { return access(path, R_OK) == 0; }

/* libjvm.so of the Java home that the `java` on PATH belongs to (symlinks resolved). */
static int jvm_from_path(char *out, size_t size) {
    const char *path = getenv("PATH");
    if (!path) {
        return 0;
    }
    char copy[8192];
    snprintf(copy, sizeof copy, "%s", path);
    char *save = NULL;
    for (char *dir = strtok_r(copy, ":", &save); dir; dir = strtok_r(NULL, ":", &save)) {
        char candidate[PATH_MAX], resolved[PATH_MAX];
        snprintf(candidate, sizeof candidate, "%s/java", *dir ? dir : ".");
        if (access(candidate, X_OK) != 0 || !realpath(candidate, resolved)) {
            continue;
        }
        char *slash = strrchr(resolved, '/'); /* .../bin/java -> .../bin */
        if (!slash) {
            continue;
        }
        *slash = '\0';
        slash = strrchr(resolved, '/'); /* .../bin -> java home */
        if (!slash) {
            continue;
        }
        *slash = '\0';
        snprintf(out, size, "%s/lib/server/libjvm.so", resolved);
        if (file_exists(out)) {
            return 1;
        }
    }
    return 0;
}

static void *open_jvm_library(const BundleConfig *cfg, char *used, size_t used_size, char *why, size_t why_size) {
    char tried[2048] = "";
    char candidate[PATH_MAX];
    void *handle;
#define TRY(label, path)                                                                       \
    do {                                                                                       \
        snprintf(candidate, sizeof candidate, "%s", path);                                     \
        if (file_exists(candidate)) {                                                          \
            handle = dlopen(candidate, RTLD_NOW | RTLD_LOCAL);                                  \
            if (handle) {                                                                      \
                snprintf(used, used_size, "%s (%s)", candidate, label);                        \
                return handle;                                                                 \
            }                                                                                  \
            size_t t = strlen(tried);                                                          \
            snprintf(tried + t, sizeof tried - t, " %s: %s;", candidate, dlerror());           \
        } else {                                                                               \
            size_t t = strlen(tried);                                                          \
            snprintf(tried + t, sizeof tried - t, " %s (%s): absent;", candidate, label);      \
        }                                                                                      \
    } while (0)

    if (cfg->jvm[0]) {
        /* An explicit choice is final: loading some other Java instead would hide the mistake. */
        TRY("jvm= in the bundle config", cfg->jvm);
        snprintf(why, why_size, "the JVM named in %s cannot be loaded:%s", cfg->config_path, tried);
        return NULL;
    }
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/jre/lib/server/libjvm.so", cfg->dir);
    if (file_exists(path)) {
        TRY("Java runtime bundled beside the plugin", path);
    }
    const char *java_home = getenv("JAVA_HOME");
    if (java_home && *java_home) {
        snprintf(path, sizeof path, "%s/lib/server/libjvm.so", java_home);
        TRY("JAVA_HOME", path);
    }
    if (jvm_from_path(path, sizeof path)) {
        TRY("java on PATH", path);
    }
    TRY("system default", "/usr/lib/jvm/default-java/lib/server/libjvm.so");
    glob_t found;
    if (glob("/usr/lib/jvm/*/lib/server/libjvm.so", 0, NULL, &found) == 0) {
        for (size_t i = found.gl_pathc; i-- > 0;) { /* newest-named first */
            TRY("installed under /usr/lib/jvm", found.gl_pathv[i]);
        }
        globfree(&found);
    }
#undef TRY
    snprintf(why, why_size,
             "no Java 17+ runtime found (set jvm= in %s or JAVA_HOME, or install openjdk-17-jre-headless); tried:%s",
             cfg->config_path, tried);
    return NULL;
}

/* ---- class path --------------------------------------------------------------------------------- */

static int compare_strings(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Expands the config's class path ("DIR/ *" = every jar in DIR, sorted) into a list of files. */
static int collect_class_path(const char *spec, char **entries, int max_entries) {
    int count = 0;
    char copy[4 * BUNDLE_VALUE_MAX];
    snprintf(copy, sizeof copy, "%s", spec);
    char *save = NULL;
    for (char *item = strtok_r(copy, ":", &save); item && count < max_entries; item = strtok_r(NULL, ":", &save)) {
        size_t len = strlen(item);
        if (len >= 2 && strcmp(item + len - 2, "/*") == 0) {
            item[len - 2] = '\0';
            DIR *dir = opendir(item);
            if (!dir) {
                continue;
            }
            int first = count;
            struct dirent *entry;
            while ((entry = readdir(dir)) && count < max_entries) {
                size_t n = strlen(entry->d_name);
                if (n > 4 && strcmp(entry->d_name + n - 4, ".jar") == 0) {
                    if (asprintf(&entries[count], "%s/%s", item, entry->d_name) > 0) {
                        count++;
                    }
                }
            }
            closedir(dir);
            qsort(entries + first, (size_t)(count - first), sizeof(char *), compare_strings);
        } else if (*item) {
            entries[count++] = strdup(item);
        }
    }
    return count;
}

/* A URLClassLoader over the bundle's jars, so the bridge loads even inside a JVM that someone else
 * started with another class path. Returns a local reference or NULL with an exception pending. */
static jobject make_class_loader(JNIEnv *env, char **entries, int count) {
    jobject loader = NULL;
    jclass file_class = (*env)->FindClass(env, "java/io/File");
    jclass uri_class = (*env)->FindClass(env, "java/net/URI");
    jclass url_class = (*env)->FindClass(env, "java/net/URL");
    jclass loader_class = (*env)->FindClass(env, "java/net/URLClassLoader");
    jclass base_loader_class = (*env)->FindClass(env, "java/lang/ClassLoader");
    if (!file_class || !uri_class || !url_class || !loader_class || !base_loader_class) {
        goto done;
    }
    jmethodID file_init = (*env)->GetMethodID(env, file_class, "<init>", "(Ljava/lang/String;)V");
    jmethodID to_uri = (*env)->GetMethodID(env, file_class, "toURI", "()Ljava/net/URI;");
    jmethodID to_url = (*env)->GetMethodID(env, uri_class, "toURL", "()Ljava/net/URL;");
    jmethodID loader_init = (*env)->GetMethodID(env, loader_class, "<init>", "([Ljava/net/URL;Ljava/lang/ClassLoader;)V");
    jmethodID system_loader = (*env)->GetStaticMethodID(env, base_loader_class, "getSystemClassLoader",
                                                        "()Ljava/lang/ClassLoader;");
    if (!file_init || !to_uri || !to_url || !loader_init || !system_loader) {
        goto done;
    }
    jobjectArray urls = (*env)->NewObjectArray(env, count, url_class, NULL);
    if (!urls) {
        goto done;
    }
    for (int i = 0; i < count; i++) {
        jstring path = (*env)->NewStringUTF(env, entries[i]);
        jobject file = path && !(*env)->ExceptionCheck(env) ? (*env)->NewObject(env, file_class, file_init, path) : NULL;
        jobject uri = file && !(*env)->ExceptionCheck(env) ? (*env)->CallObjectMethod(env, file, to_uri) : NULL;
        jobject url = uri && !(*env)->ExceptionCheck(env) ? (*env)->CallObjectMethod(env, uri, to_url) : NULL;
        if (url && !(*env)->ExceptionCheck(env)) {
            (*env)->SetObjectArrayElement(env, urls, i, url);
        }
        if (path) (*env)->DeleteLocalRef(env, path);
        if (file) (*env)->DeleteLocalRef(env, file);
        if (uri) (*env)->DeleteLocalRef(env, uri);
        if (url) (*env)->DeleteLocalRef(env, url);
        if ((*env)->ExceptionCheck(env)) {
            (*env)->DeleteLocalRef(env, urls);
            goto done;
        }
    }
    jobject parent = (*env)->CallStaticObjectMethod(env, base_loader_class, system_loader);
    if (!(*env)->ExceptionCheck(env)) {
        loader = (*env)->NewObject(env, loader_class, loader_init, urls, parent);
    }
    if (parent) (*env)->DeleteLocalRef(env, parent);
    (*env)->DeleteLocalRef(env, urls);
done:
    if (file_class) (*env)->DeleteLocalRef(env, file_class);
    if (uri_class) (*env)->DeleteLocalRef(env, uri_class);
    if (url_class) (*env)->DeleteLocalRef(env, url_class);
    if (loader_class) (*env)->DeleteLocalRef(env, loader_class);
    if (base_loader_class) (*env)->DeleteLocalRef(env, base_loader_class);
    return loader;
}

static int resolve_bridge(JNIEnv *env, char **entries, int count, char *why, size_t why_size) {
    char exception[1024];
    jobject loader = make_class_loader(env, entries, count);
    if (!loader) {
        java_take_exception(env, exception, sizeof exception);
        snprintf(why, why_size, "cannot build the plugin class loader: %s", exception);
        return -1;
    }
    jclass loader_class = (*env)->GetObjectClass(env, loader);
    jmethodID load_class = (*env)->GetMethodID(env, loader_class, "loadClass", "(Ljava/lang/String;Z)Ljava/lang/Class;");
    jstring name = (*env)->NewStringUTF(env, BRIDGE_CLASS);
    jclass found = (jclass)(*env)->CallObjectMethod(env, loader, load_class, name, JNI_TRUE);
    (*env)->DeleteLocalRef(env, name);
    (*env)->DeleteLocalRef(env, loader_class);
    (*env)->DeleteLocalRef(env, loader);
    if (!found || (*env)->ExceptionCheck(env)) {
        java_take_exception(env, exception, sizeof exception);
        snprintf(why, why_size, "cannot load %s from the bundle's %d class path entries: %s", BRIDGE_CLASS, count,
                 exception);
        return -1;
    }
    bridge.bridge_class = (jclass)(*env)->NewGlobalRef(env, found);
    (*env)->DeleteLocalRef(env, found);
    jclass c = bridge.bridge_class;
    struct {
        jmethodID *id;
        int is_static;
        const char *name;
        const char *signature;
    } methods[] = {
        {&bridge.create, 1, "create", "(ILjava/lang/String;Ljava/nio/ByteBuffer;)Lorg/percepnet4j/vst/PluginBridge;"},
        {&bridge.parameter_count, 1, "parameterCount", "()I"},
        {&bridge.program_count, 1, "programCount", "()I"},
        {&bridge.prepare, 0, "prepare", "(DILjava/nio/ByteBuffer;Ljava/nio/ByteBuffer;)I"},
        {&bridge.process, 0, "process", "(I)I"},
        {&bridge.reset, 0, "reset", "()I"},
        {&bridge.latency, 0, "latencySamples", "()I"},
        {&bridge.set_normalized, 0, "setNormalized", "(IF)V"},
        {&bridge.get_normalized, 0, "getNormalized", "(I)F"},
        {&bridge.text, 0, "text", "(III)I"},
        {&bridge.parse_parameter, 0, "parseParameter", "(II)Z"},
        {&bridge.save_state, 0, "saveState", "()I"},
        {&bridge.load_state, 0, "loadState", "(I)Z"},
        {&bridge.set_program, 0, "setProgram", "(I)V"},
        {&bridge.program, 0, "program", "()I"},
        {&bridge.set_program_name, 0, "setProgramName", "(I)V"},
        {&bridge.parameter_flags, 0, "parameterFlags", "(I)I"},
        {&bridge.parameter_step, 0, "parameterStep", "(I)F"},
        {&bridge.set_bypass, 0, "setBypass", "(Z)V"},
        {&bridge.close, 0, "close", "()V"},
        {&bridge.warm_up, 0, "warmUp", "(I)V"},
        {&bridge.enable_editor, 0, "enableEditor", "(J)Z"},
        {&bridge.editor_size, 0, "editorSize", "()I"},
        {&bridge.open_editor, 0, "openEditor", "(J)Z"},
        {&bridge.close_editor, 0, "closeEditor", "()V"},
    };
    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++) {
        *methods[i].id = methods[i].is_static
                             ? (*env)->GetStaticMethodID(env, c, methods[i].name, methods[i].signature)
                             : (*env)->GetMethodID(env, c, methods[i].name, methods[i].signature);
        if (!*methods[i].id) {
            java_take_exception(env, exception, sizeof exception);
            snprintf(why, why_size, "%s has no method %s%s (jars of another version?): %s", BRIDGE_CLASS,
                     methods[i].name, methods[i].signature, exception);
            (*env)->DeleteGlobalRef(env, bridge.bridge_class);
            memset(&bridge, 0, sizeof bridge);
            return -1;
        }
    }
    JNINativeMethod natives[] = {
        {"hostGesture", "(JIIF)V", (void *)plugin_host_gesture},
    };
    if ((*env)->RegisterNatives(env, c, natives, sizeof natives / sizeof natives[0]) != JNI_OK) {
        java_take_exception(env, exception, sizeof exception);
        snprintf(why, why_size, "cannot register the native methods of %s: %s", BRIDGE_CLASS, exception);
        (*env)->DeleteGlobalRef(env, bridge.bridge_class);
        memset(&bridge, 0, sizeof bridge);
        return -1;
    }
    return 0;
}

/* ---- JVM start ---------------------------------------------------------------------------------- */

static const char *const default_options[] = {
    "-Xrs",                  /* leave SIGINT/SIGTERM/SIGHUP/SIGQUIT to the host */
    "-Xms16m", "-Xmx256m",   /* the model and buffers are small; steady-state processing allocates nothing */
    "-XX:+UseZGC",           /* concurrent collector: sub-millisecond pauses if anything is ever collected */
    "-XX:-UsePerfData",      /* no hsperfdata files from inside someone else's process */
};

/* Always added (the editor depends on them, whatever jvmDefaults says): headless unless a display is usable, and the
 * X11 embedding frame's package opened to the plugin's classes (PluginEditor.java). */
#define HEADLESS_OPTION "-Djava.awt.headless=true"
#define EMBEDDING_OPTION "--add-exports=java.desktop/sun.awt.X11=ALL-UNNAMED"

static int display_for_editor; /* the JVM this library started is not headless (for the log) */

/* Whether a JVM started from `libjvm_path` could show the editor: the config allows an editor, DISPLAY names an X
 * server (for a local ":N" display, its socket exists) and that Java has the X11 toolkit (headless JREs do not).
 * Cheap file checks only: nothing connects to the display here, so scanners pay nothing. */
static int display_usable(const BundleConfig *cfg, const char *libjvm_path) {
    const char *display = getenv("DISPLAY");
    if (!cfg->editor || !display || !*display) {
        return 0;
    }
    const char *colon = strrchr(display, ':');
    if (!colon) {
        return 0;
    }
    if (colon == display || strncmp(display, "unix:", 5) == 0) { /* local: ":N[.S]" or "unix:N[.S]" */
        char socket_path[64];
        snprintf(socket_path, sizeof socket_path, "/tmp/.X11-unix/X%d", atoi(colon + 1));
        if (access(socket_path, F_OK) != 0) {
            return 0;
        }
    }
    char toolkit[PATH_MAX];
    snprintf(toolkit, sizeof toolkit, "%s", libjvm_path);
    for (int up = 0; up < 2; up++) { /* <java home>/lib/server/libjvm.so -> <java home>/lib */
        char *slash = strrchr(toolkit, '/');
        if (!slash) {
            return 0;
        }
        *slash = '\0';
    }
    size_t used = strlen(toolkit);
    snprintf(toolkit + used, sizeof toolkit - used, "/libawt_xawt.so");
    return access(toolkit, R_OK) == 0;
}

static int create_vm(CreateJavaVmFn create, const BundleConfig *cfg, char **entries, int count, JNIEnv **env,
                     char *why, size_t why_size) {
    size_t cp_len = 32;
    for (int i = 0; i < count; i++) {
        cp_len += strlen(entries[i]) + 1;
    }
    char *class_path_option = malloc(cp_len);
    if (!class_path_option) {
        snprintf(why, why_size, "out of memory");
        return -1;
    }
    strcpy(class_path_option, "-Djava.class.path=");
    for (int i = 0; i < count; i++) {
        if (i) strcat(class_path_option, ":");
        strcat(class_path_option, entries[i]);
    }
    JavaVMOption options[3 + sizeof default_options / sizeof default_options[0] + BUNDLE_MAX_JVM_OPTIONS];
    int n = 0;
    options[n++].optionString = class_path_option;
    Dl_info where;
    display_for_editor = dladdr((void *)create, &where) && where.dli_fname && display_usable(cfg, where.dli_fname);
    if (!display_for_editor) {
        options[n++].optionString = HEADLESS_OPTION;
    }
    options[n++].optionString = EMBEDDING_OPTION;
    if (cfg->jvm_defaults) {
        for (size_t i = 0; i < sizeof default_options / sizeof default_options[0]; i++) {
            options[n++].optionString = (char *)default_options[i];
        }
    }
    for (int i = 0; i < cfg->jvm_option_count; i++) {
        options[n++].optionString = (char *)cfg->jvm_options[i];
    }
    for (int i = 0; i < n; i++) {
        options[i].extraInfo = NULL;
    }
    JavaVMInitArgs args;
    args.version = JNI_VERSION_1_8;
    args.nOptions = n;
    args.options = options;
    args.ignoreUnrecognized = JNI_FALSE;
    jint rc = create(&java_vm, (void **)env, &args);
    free(class_path_option);
    if (rc != JNI_OK) {
        java_vm = NULL;
        snprintf(why, why_size, "JNI_CreateJavaVM failed with code %d (check the jvmOption lines in %s)", (int)rc,
                 cfg->config_path);
        return -1;
    }
    /* The creating thread is attached now; detach it when it ends, like any thread attached here. */
    pthread_once(&detach_key_once, make_detach_key);
    pthread_setspecific(detach_key, (void *)1);
    attached_env = *env;
    return 0;
}

int java_runtime_start(const BundleConfig *cfg, char *why, size_t why_size) {
    static char failure[2048];
    pthread_mutex_lock(&start_lock);
    if (started) {
        pthread_mutex_unlock(&start_lock);
        return 0;
    }
    if (failure[0]) { /* a JVM that failed to start does not start on a second try in the same process */
        snprintf(why, why_size, "%s", failure);
        pthread_mutex_unlock(&start_lock);
        return -1;
    }
    char *entries[MAX_JARS];
    int count = collect_class_path(cfg->class_path, entries, MAX_JARS);
    int rc = -1;
    if (count == 0) {
        snprintf(failure, sizeof failure, "no jars found on the class path '%s' (is the bundle folder complete?)",
                 cfg->class_path);
        goto out;
    }

    JNIEnv *env = NULL;
    GetCreatedJavaVmsFn get_created = (GetCreatedJavaVmsFn)dlsym(RTLD_DEFAULT, "JNI_GetCreatedJavaVMs");
    void *library = NULL;
    char used[PATH_MAX + 64] = "";
    if (!get_created) {
        library = open_jvm_library(cfg, used, sizeof used, failure, sizeof failure);
        if (!library) {
            goto out;
        }
        get_created = (GetCreatedJavaVmsFn)dlsym(library, "JNI_GetCreatedJavaVMs");
    } else {
        snprintf(used, sizeof used, "the libjvm already loaded in this process");
    }
    JavaVM *existing = NULL;
    jsize existing_count = 0;
    if (get_created && get_created(&existing, 1, &existing_count) == JNI_OK && existing_count > 0) {
        java_vm = existing;
        snprintf(description, sizeof description, "joined the JVM already running in this process (%s)", used);
        env = java_env();
        if (!env) {
            snprintf(failure, sizeof failure, "cannot attach to the JVM already running in this process");
            java_vm = NULL;
            goto out;
        }
    } else {
        if (!library) { /* libjvm is linked into the host but no JVM runs yet: start one from our choice */
            library = open_jvm_library(cfg, used, sizeof used, failure, sizeof failure);
            if (!library) {
                goto out;
            }
        }
        CreateJavaVmFn create = (CreateJavaVmFn)dlsym(library, "JNI_CreateJavaVM");
        if (!create) {
            snprintf(failure, sizeof failure, "%s has no JNI_CreateJavaVM", used);
            goto out;
        }
        if (create_vm(create, cfg, entries, count, &env, failure, sizeof failure) != 0) {
            goto out;
        }
        snprintf(description, sizeof description, "started a JVM from %s, %s", used,
                 display_for_editor ? "with a display (an editor can open)"
                                    : "headless (no DISPLAY, no X11 toolkit in this Java, or editor=false: no editor)");
    }
    if (resolve_bridge(env, entries, count, failure, sizeof failure) != 0) {
        goto out;
    }
    started = 1;
    failure[0] = '\0';
    rc = 0;
out:
    for (int i = 0; i < count; i++) {
        free(entries[i]);
    }
    if (rc != 0) {
        snprintf(why, why_size, "%s", failure);
    }
    pthread_mutex_unlock(&start_lock);
    return rc;
}
