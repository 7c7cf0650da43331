// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Per-function call counts and latency histograms from plain uprobes.
 *
 * No uretprobes: on this kernel a C++ exception unwinding through a uretprobed
 * function aborts the program, and return probes beyond 64 nested calls are
 * dropped. Instead user space probes the entry and every exit instruction of a
 * function (ret, tail jumps, exits of its .cold part), and this program pairs
 * them per thread on a shadow stack keyed by the stack pointer: at entry and at
 * each exit the stack pointer points at the same return address slot, which
 * no other live frame of the thread can share. */
#include <linux/bpf.h>
#include <asm/ptrace.h>
#include <stdbool.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "funcstats.h"

/* The kernel fields read to place a return address, relocated against the
 * running kernel's BTF (CO-RE): no vmlinux.h needed for three structs. */
struct inode {
  unsigned long i_ino;
} __attribute__((preserve_access_index));
struct file {
  struct inode *f_inode;
} __attribute__((preserve_access_index));
struct vm_area_struct {
  unsigned long vm_start;
  unsigned long vm_pgoff;
  struct file *vm_file;
} __attribute__((preserve_access_index));
struct task_struct;

char LICENSE[] SEC("license") = "Dual BSD/GPL";

/* Only this process is measured (0: every process); set by user space before it starts. */
__u32 target_tgid = 0;

/* One shadow stack per live thread of the measured process: thread_exit
 * deletes a thread's, so a program may create any number of threads over its
 * life as long as no more than max_entries run at once. */
struct {
  __uint(type, BPF_MAP_TYPE_HASH);
  __uint(map_flags, BPF_F_NO_PREALLOC);
  __uint(max_entries, 8192);
  __type(key, __u64); /* pid_tgid */
  __type(value, struct fs_shadow_stack);
} stacks SEC(".maps");

/* A zeroed stack to create a thread's entry from: too big for the BPF stack. */
struct {
  __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
  __uint(max_entries, 1);
  __type(key, __u32);
  __type(value, struct fs_shadow_stack);
} empty_stack SEC(".maps");

struct {
  __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
  __uint(max_entries, 1); /* resized by user space to the number of functions */
  __type(key, __u32);
  __type(value, struct fs_func_stats);
} func_stats SEC(".maps");

struct {
  __uint(type, BPF_MAP_TYPE_ARRAY);
  __uint(max_entries, 1); /* resized by user space to the number of exit sites */
  __type(key, __u32);
  __type(value, struct fs_exit_site);
} exit_sites SEC(".maps");

struct {
  __uint(type, BPF_MAP_TYPE_HASH);
  __uint(max_entries, FS_MAX_CALLERS);
  __type(key, struct fs_caller_key);
  __type(value, __u64); /* entries */
} callers SEC(".maps");

struct {
  __uint(type, BPF_MAP_TYPE_HASH);
  __uint(max_entries, FS_MAX_CALLERS);
  __type(key, __u64); /* return address */
  __type(value, struct fs_place);
} places SEC(".maps");

/* Per callee symbol: the address its entry ran at, which gives its file's load address. */
struct {
  __uint(type, BPF_MAP_TYPE_ARRAY);
  __uint(max_entries, 1); /* resized by user space to the number of callee symbols */
  __type(key, __u32);
  __type(value, __u64);
} callee_addresses SEC(".maps");

struct {
  __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
  __uint(max_entries, FS_COUNTER_COUNT);
  __type(key, __u32);
  __type(value, __u64);
} counters SEC(".maps");

static void bump(__u32 counter)
{
  __u64 *value = bpf_map_lookup_elem(&counters, &counter);
  if (value)
    *value += 1;
}

static bool traced(__u64 pid_tgid)
{
  return target_tgid == 0 || (__u32)(pid_tgid >> 32) == target_tgid;
}

/* Pops the frames an exception or longjmp skipped: those whose stack pointer is
 * below `sp` (or equal, when a new frame is about to take that slot). */
static void drop_dead_frames(struct fs_shadow_stack *stack, __u64 sp, bool including_sp)
{
  for (int i = 0; i < FS_MAX_DEPTH; i++) {
    __u32 depth = stack->depth;
    if (depth == 0 || depth > FS_MAX_DEPTH)
      return;
    struct fs_frame *top = &stack->frames[(depth - 1) & (FS_MAX_DEPTH - 1)];
    if (top->sp > sp || (top->sp == sp && !including_sp))
      return;
    __u32 func = top->func;
    struct fs_func_stats *stats = bpf_map_lookup_elem(&func_stats, &func);
    if (stats)
      stats->abandoned++;
    stack->depth = depth - 1;
  }
}

static __u32 log2_slot(__u64 ns)
{
  __u32 slot = 0;
  for (int i = 0; i < FS_HIST_SLOTS - 1 && ns > 1; i++) {
    ns >>= 1;
    slot++;
  }
  return slot;
}

static void push_frame(struct pt_regs *ctx, __u64 pid_tgid, __u32 func)
{
  __u64 sp = PT_REGS_SP(ctx);
  struct fs_shadow_stack *stack = bpf_map_lookup_elem(&stacks, &pid_tgid);
  if (!stack) {
    __u32 zero = 0;
    struct fs_shadow_stack *empty = bpf_map_lookup_elem(&empty_stack, &zero);
    if (!empty || bpf_map_update_elem(&stacks, &pid_tgid, empty, BPF_NOEXIST) != 0) {
      bump(FS_NO_STACK_MEMORY);
      return;
    }
    stack = bpf_map_lookup_elem(&stacks, &pid_tgid);
    if (!stack) {
      bump(FS_NO_STACK_MEMORY);
      return;
    }
  }
  drop_dead_frames(stack, sp, true);
  __u32 depth = stack->depth;
  if (depth >= FS_MAX_DEPTH) {
    bump(FS_STACK_OVERFLOW);
    return;
  }
  struct fs_frame *frame = &stack->frames[depth & (FS_MAX_DEPTH - 1)];
  frame->sp = sp;
  frame->func = func;
  frame->entry_ns = bpf_ktime_get_ns();
  stack->depth = depth + 1;
}

static void record_call(__u32 func, __u64 ns)
{
  struct fs_func_stats *stats = bpf_map_lookup_elem(&func_stats, &func);
  if (!stats)
    return;
  stats->calls++;
  stats->total_ns += ns;
  __u32 slot = log2_slot(ns);
  if (slot < FS_HIST_SLOTS)
    stats->hist[slot]++;
}

SEC("uprobe")
int BPF_KPROBE(function_entry)
{
  __u64 pid_tgid = bpf_get_current_pid_tgid();
  if (traced(pid_tgid))
    push_frame(ctx, pid_tgid, (__u32)bpf_get_attach_cookie(ctx));
  return 0;
}

/* Fires for every thread that exits, not only for a whole process. Deletion
 * here rather than an LRU map: an LRU evicts the least recently used stack
 * when full, which may be a live thread's that waits inside a probed function,
 * and its frames' exits would then go unmatched. A raw tracepoint: attaching
 * it by name needs no tracefs mounted. */
SEC("raw_tp/sched_process_exit")
int thread_exit(void *ctx)
{
  __u64 pid_tgid = bpf_get_current_pid_tgid();
  if (traced(pid_tgid))
    bpf_map_delete_elem(&stacks, &pid_tgid);
  return 0;
}

/* x86 condition codes, by the low nibble of the jcc opcode. */
static bool condition_holds(__u8 cond, __u64 flags)
{
  bool cf = flags & 0x1, pf = flags & 0x4, zf = flags & 0x40, sf = flags & 0x80, of = flags & 0x800;
  bool holds;
  switch (cond >> 1) {
  case 0: holds = of; break;
  case 1: holds = cf; break;
  case 2: holds = zf; break;
  case 3: holds = cf || zf; break;
  case 4: holds = sf; break;
  case 5: holds = pf; break;
  case 6: holds = sf != of; break;
  default: holds = zf || sf != of; break;
  }
  return (cond & 1) ? !holds : holds;
}

/* Loads from the context must use constant offsets: copy, then index. */
static __u64 register_value(struct pt_regs *regs, __u8 reg)
{
  __u64 values[FS_REG_COUNT] = {regs->rax, regs->rbx, regs->rcx, regs->rdx, regs->rsi,
                                regs->rdi, regs->rbp, regs->r8,  regs->r9,  regs->r10,
                                regs->r11, regs->r12, regs->r13, regs->r14, regs->r15};
  return reg < FS_REG_COUNT ? values[reg] : 0;
}

static bool inside_function(const struct fs_exit_site *site, __u64 insn, __u64 target)
{
  for (int part = 0; part < 2; part++) {
    __u64 start = insn + site->range_start[part];
    if (target - start < site->range_len[part])
      return true;
  }
  return false;
}

/* Whether this execution of the exit instruction leaves the function. */
static bool leaves_function(struct pt_regs *regs, const struct fs_exit_site *site)
{
  switch (site->kind) {
  case FS_EXIT_IF_COND:
    return condition_holds(site->cond, regs->eflags);
  case FS_EXIT_IF_REG_OUT:
    /* The uprobe handler sees the probed instruction's address as ip. */
    return !inside_function(site, PT_REGS_IP(regs), register_value(regs, site->reg));
  default:
    return true;
  }
}

static void pop_frame(struct pt_regs *ctx, __u64 pid_tgid, __u32 func)
{
  __u64 now = bpf_ktime_get_ns();
  __u64 sp = PT_REGS_SP(ctx);
  struct fs_shadow_stack *stack = bpf_map_lookup_elem(&stacks, &pid_tgid);
  if (!stack) {
    bump(FS_UNMATCHED_EXIT);
    return;
  }
  drop_dead_frames(stack, sp, false);
  __u32 depth = stack->depth;
  if (depth == 0 || depth > FS_MAX_DEPTH) {
    bump(FS_UNMATCHED_EXIT);
    return;
  }
  struct fs_frame *top = &stack->frames[(depth - 1) & (FS_MAX_DEPTH - 1)];
  if (top->sp != sp || top->func != func) {
    bump(FS_UNMATCHED_EXIT);
    return;
  }
  stack->depth = depth - 1;
  record_call(func, now - top->entry_ns);
}

SEC("uprobe")
int BPF_KPROBE(function_exit)
{
  __u64 pid_tgid = bpf_get_current_pid_tgid();
  if (!traced(pid_tgid))
    return 0;
  __u32 site_index = (__u32)bpf_get_attach_cookie(ctx);
  struct fs_exit_site *site = bpf_map_lookup_elem(&exit_sites, &site_index);
  if (site && leaves_function(ctx, site))
    pop_frame(ctx, pid_tgid, site->func);
  return 0;
}

/* A function whose first instruction can already leave it (a lone `ret`, a
 * `jmp` to another function): one probe does both, as two probes on one
 * instruction would run in an order we do not control. */
SEC("uprobe")
int BPF_KPROBE(function_entry_exit)
{
  __u64 pid_tgid = bpf_get_current_pid_tgid();
  if (!traced(pid_tgid))
    return 0;
  __u32 site_index = (__u32)bpf_get_attach_cookie(ctx);
  struct fs_exit_site *site = bpf_map_lookup_elem(&exit_sites, &site_index);
  if (!site)
    return 0;
  if (!leaves_function(ctx, site)) {
    push_frame(ctx, pid_tgid, site->func);
    return 0;
  }
  /* Entered and left at once: frames at or below this one are dead. */
  struct fs_shadow_stack *stack = bpf_map_lookup_elem(&stacks, &pid_tgid);
  if (stack)
    drop_dead_frames(stack, PT_REGS_SP(ctx), true);
  record_call(site->func, 0);
  return 0;
}

/* bpf_find_vma's callback: the mapping holding the address (passed in
 * place->offset) gives its file and offset in it. */
static long place_in_file(struct task_struct *task, struct vm_area_struct *vma, struct fs_place *place)
{
  struct file *file = vma->vm_file;
  if (!file)
    return 0;
  __u64 address = place->offset;
  place->inode = file->f_inode->i_ino;
  place->offset = address - vma->vm_start + (vma->vm_pgoff << 12);
  return 0;
}

/* The entry of a callee of instrumented call sites: counted by its return
 * address (at the stack pointer on entry), which is placed in a file once.
 * bpf_find_vma gives up when another thread holds the mm's lock (creating a
 * thread, mapping memory): a later entry tries again, and user space places
 * the rest by the load addresses of the files it knows. */
SEC("uprobe")
int BPF_KPROBE(callee_entry)
{
  if (!traced(bpf_get_current_pid_tgid()))
    return 0;
  struct fs_caller_key key = {.symbol = (__u32)bpf_get_attach_cookie(ctx)};
  __u64 *entry_address = bpf_map_lookup_elem(&callee_addresses, &key.symbol);
  if (entry_address)
    *entry_address = PT_REGS_IP(ctx);
  if (bpf_probe_read_user(&key.return_address, sizeof key.return_address, (void *)PT_REGS_SP(ctx)) != 0) {
    bump(FS_UNKNOWN_CALLER);
    return 0;
  }
  if (!bpf_map_lookup_elem(&places, &key.return_address)) {
    struct fs_place place = {.offset = key.return_address};
    if (bpf_find_vma(bpf_get_current_task_btf(), key.return_address, place_in_file, &place, 0) == 0 && place.inode)
      bpf_map_update_elem(&places, &key.return_address, &place, BPF_NOEXIST);
  }
  __u64 *entries = bpf_map_lookup_elem(&callers, &key);
  if (!entries) {
    __u64 zero = 0;
    /* When another CPU adds the key first, this insert fails and the lookup finds theirs. */
    bpf_map_update_elem(&callers, &key, &zero, BPF_NOEXIST);
    entries = bpf_map_lookup_elem(&callers, &key);
  }
  if (entries)
    __sync_fetch_and_add(entries, 1);
  else
    bump(FS_UNKNOWN_CALLER); /* the map is full */
  return 0;
}
