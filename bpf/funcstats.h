/* Shared between funcstats.bpf.c and its user-space loader: map layouts and
 * the encoding of exit sites. Plain C, fixed-width types only. */
#ifndef ORCH_BPF_FUNCSTATS_H
#define ORCH_BPF_FUNCSTATS_H

#ifdef __bpf__
#include <linux/types.h>
typedef __u8 fs_u8;
typedef __u32 fs_u32;
typedef __u64 fs_u64;
typedef __s64 fs_s64;
#else
#include <stdint.h>
typedef uint8_t fs_u8;
typedef uint32_t fs_u32;
typedef uint64_t fs_u64;
typedef int64_t fs_s64;
#endif

/* Frames kept per thread. Deeper calls are counted in FS_STACK_OVERFLOW and
 * their exits in FS_UNMATCHED_EXIT; shallower frames stay exact. */
#define FS_MAX_DEPTH 256
/* Distinct (callee symbol, return address) pairs kept; entries beyond count in FS_UNKNOWN_CALLER. */
#define FS_MAX_CALLERS 16384
/* log2(ns) slots: slot i counts latencies in [2^i, 2^(i+1)) ns, the last one everything above. */
#define FS_HIST_SLOTS 40

struct fs_frame {
  fs_u64 sp;       /* stack pointer at entry: points at the return address */
  fs_u64 entry_ns;
  fs_u32 func;
  fs_u32 pad;
};

struct fs_shadow_stack {
  fs_u32 depth;
  fs_u32 pad;
  struct fs_frame frames[FS_MAX_DEPTH];
};

/* Per function, per CPU: user space sums over CPUs. */
struct fs_func_stats {
  fs_u64 calls;        /* completed: entry paired with an exit */
  fs_u64 total_ns;
  fs_u64 abandoned;    /* entered, then skipped by an exception or longjmp */
  fs_u64 hist[FS_HIST_SLOTS];
};

/* How an exit instruction leaves the function. */
enum fs_exit_kind {
  FS_EXIT_ALWAYS = 0,   /* ret, direct jmp out of the function, jmp through memory without index */
  FS_EXIT_IF_COND = 1,  /* jcc out of the function: an exit only when the condition holds */
  FS_EXIT_IF_REG_OUT = 2, /* jmp *%reg: an exit only when the target is outside the function */
};

/* One probed exit instruction; the probe's bpf cookie is its index in the exit_sites map.
 * Ranges are relative to the exit instruction, so they hold wherever the file is mapped. */
struct fs_exit_site {
  fs_u32 func;
  fs_u8 kind;       /* enum fs_exit_kind */
  fs_u8 cond;       /* x86 condition code (low nibble of the jcc opcode) for FS_EXIT_IF_COND */
  fs_u8 reg;        /* enum fs_reg for FS_EXIT_IF_REG_OUT */
  fs_u8 pad;
  fs_s64 range_start[2]; /* function parts (main, .cold) as [insn + start, insn + start + len) */
  fs_u64 range_len[2];
};

/* Registers a jmp *%reg can use, in the order of x86-64 struct pt_regs fields used by the program. */
enum fs_reg {
  FS_REG_RAX, FS_REG_RBX, FS_REG_RCX, FS_REG_RDX, FS_REG_RSI, FS_REG_RDI, FS_REG_RBP,
  FS_REG_R8, FS_REG_R9, FS_REG_R10, FS_REG_R11, FS_REG_R12, FS_REG_R13, FS_REG_R14, FS_REG_R15,
  FS_REG_COUNT
};

/* Entries of a callee's probed symbol by the return address it was called
 * with (the measured process's own address: one process is traced). */
struct fs_caller_key {
  fs_u32 symbol;   /* the callee_entry probe's cookie */
  fs_u32 pad;
  fs_u64 return_address;
};

/* Where a return address lies: a file (inode) and an offset in it, so that
 * user space finds the calling instruction in that file's debug info. */
struct fs_place {
  fs_u64 inode;
  fs_u64 offset;
};

/* Global per-CPU counters: indexes into the counters map. */
enum fs_counter {
  FS_STACK_OVERFLOW,   /* entries not recorded: the thread's shadow stack was full */
  FS_UNMATCHED_EXIT,   /* exits with no matching entry (attached mid-call, or an overflowed frame) */
  FS_NO_STACK_MEMORY,  /* entries not recorded: no shadow stack could be created for the thread */
  FS_UNKNOWN_CALLER,   /* callee entries whose return address could not be read, or no room left to count them */
  FS_COUNTER_COUNT
};

#endif
