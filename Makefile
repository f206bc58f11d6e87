# sitrep - one build system, a few honest targets (see README).
#   make            library + CLI (installs missing Debian packages first)
#   make test       unit tests (cmocka) + end-to-end golden tests
#   make asan       the same tests under AddressSanitizer + UBSan
#   make fuzz       libFuzzer targets (clang-14); FUZZ_SECONDS=600 make fuzz-run
#   make bench      throughput and peak RSS on a >= 1 GB corpus
#   make format     clang-format every source file
PKGS      := libxml-2.0 zlib icu-uc icu-i18n libmicrohttpd sqlite3 libpq
TEST_PKGS := cmocka
BUILD     ?= build
CC        ?= cc
OPT       ?= -O2
CFLAGS    ?= $(OPT) -g
WARN      := -std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes -Wno-unused-parameter
DEPS_OK   := $(BUILD)/.deps-ok
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
ALL_CFLAGS = $(WARN) -D_GNU_SOURCE -Iinclude -Isrc $(PKG_CFLAGS) $(CFLAGS) $(EXTRA_CFLAGS)
LDLIBS     = $(PKG_LIBS) -lpthread -lm $(EXTRA_LDFLAGS)

LIB_SRC  := $(sort $(shell find src -name '*.c' ! -path 'src/cli/*'))
CLI_SRC  := $(sort $(wildcard src/cli/*.c))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/%.o)
TEST_SRC := $(sort $(wildcard tests/unit/test_*.c))
TEST_BIN := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
FUZZ_SRC := $(sort $(wildcard fuzz/fuzz_*.c))
LIB      := $(BUILD)/libsitrep.a
BIN      := $(BUILD)/sitrep

.PHONY: all deps test unit e2e asan fuzz fuzz-run fuzz-replay bench bench-floor format clean sample
all: ./sitrep

$(DEPS_OK): scripts/install-deps.sh
	@mkdir -p $(BUILD)
	@sh scripts/install-deps.sh
	@touch $@

deps: $(DEPS_OK)

$(BUILD)/%.o: %.c $(DEPS_OK) $(wildcard include/sitrep/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(LIB): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BIN): $(CLI_OBJ) $(LIB)
	$(CC) $(CFLAGS) $(EXTRA_CFLAGS) -o $@ $(CLI_OBJ) $(LIB) $(LDLIBS)

./sitrep: $(BIN)
	@if [ "$(BUILD)" = build ]; then cp $(BIN) ./sitrep; fi

$(BUILD)/tests/%: tests/unit/%.c tests/unit/test_util.h $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(shell pkg-config --cflags $(TEST_PKGS)) -o $@ $< $(LIB) \
	  $(LDLIBS) $(shell pkg-config --libs $(TEST_PKGS))

# The web page (ui/) compiled into the server as a C table (serve_assets.c).
UI_FILES := $(sort $(wildcard ui/*.html ui/*.js ui/*.css ui/map/*.json))
%/gen/ui_assets.inc: tools/embed_assets.py $(UI_FILES)
	python3 tools/embed_assets.py $@ ui $(UI_FILES)
$(BUILD)/src/serve/serve_assets.o: $(BUILD)/gen/ui_assets.inc
$(BUILD)/src/serve/serve_assets.o: ALL_CFLAGS += -I$(BUILD)/gen
build-fuzz/src/serve/serve_assets.o: build-fuzz/gen/ui_assets.inc
build-fuzz/src/serve/serve_assets.o: PKG_CFLAGS += -Ibuild-fuzz/gen

unit: $(TEST_BIN)
	@sh tests/run-unit.sh $(BUILD)/tests

e2e: $(BIN)
	@sh tests/e2e/run.sh $(BIN)

# One summary line across unit and end-to-end tests, with a throw-away
# PostgreSQL server (tests/pg.sh) so the store runs on both backends.
test: $(TEST_BIN) $(BIN)
	@sh tests/pg.sh sh tests/run-all.sh $(BUILD)

asan:
	$(MAKE) BUILD=build-asan OPT=-O1 \
	  EXTRA_CFLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
	  EXTRA_LDFLAGS="-fsanitize=address,undefined" test

FUZZ_CC    := clang-14
FUZZ_FLAGS := -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
FUZZ_LIB_OBJ := $(LIB_SRC:%.c=build-fuzz/%.o)
build-fuzz/%.o: %.c $(DEPS_OK)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(WARN) -D_GNU_SOURCE -Iinclude -Isrc $(PKG_CFLAGS) -g -O1 \
	  -fsanitize=fuzzer-no-link,address,undefined -c $< -o $@
build-fuzz/%: fuzz/%.c $(FUZZ_LIB_OBJ)
	$(FUZZ_CC) $(WARN) -D_GNU_SOURCE -Iinclude -Isrc $(PKG_CFLAGS) $(FUZZ_FLAGS) \
	  -o $@ $< $(FUZZ_LIB_OBJ) $(LDLIBS)
fuzz: $(FUZZ_SRC:fuzz/%.c=build-fuzz/%)
FUZZ_SECONDS ?= 60
fuzz-run: fuzz
	@sh fuzz/run.sh $(FUZZ_SECONDS)
fuzz-replay: fuzz
	@sh fuzz/run.sh 0

$(BUILD)/bench/store_bench: bench/store_bench.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB) $(LDLIBS)

bench: ./sitrep $(BUILD)/bench/store_bench
	@sh bench/run.sh

# The entity stage's floor: each step it cannot skip, timed on its own
# (bench/floor.c), on the first 30 MB of the bench corpus.
$(BUILD)/bench/floor: bench/floor.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB) $(LDLIBS)

bench-floor: $(BUILD)/bench/floor
	@sh bench/floor.sh

# The main job on the bundled samples: analyze and store them (a fresh
# build/sample.db), then show the events, the relations at a date and who
# holds Atarib.
sample: $(BIN)
	@rm -f $(BUILD)/sample.db $(BUILD)/sample.db-wal $(BUILD)/sample.db-shm
	$(BIN) ingest --db $(BUILD)/sample.db samples/
	$(BIN) events --db $(BUILD)/sample.db
	$(BIN) relations --db $(BUILD)/sample.db --at 2019-01-10 Zenki
	$(BIN) control --db $(BUILD)/sample.db Atarib

format:
	clang-format -i $$(find src include tests fuzz -name '*.[ch]')

clean:
	rm -rf build build-asan build-fuzz sitrep

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)
