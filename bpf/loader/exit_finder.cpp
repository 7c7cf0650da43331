#include "loader/exit_finder.h"

#include <map>
#include <stdexcept>
#include <string>

#include <llvm/MC/MCAsmInfo.h>
#include <llvm/MC/MCContext.h>
#include <llvm/MC/MCDisassembler/MCDisassembler.h>
#include <llvm/MC/MCInst.h>
#include <llvm/MC/MCInstrAnalysis.h>
#include <llvm/MC/MCInstrInfo.h>
#include <llvm/MC/MCRegisterInfo.h>
#include <llvm/MC/MCSubtargetInfo.h>
#include <llvm/MC/MCTargetOptions.h>
#include <llvm/MC/TargetRegistry.h>
#include <llvm/Support/TargetSelect.h>
#include <llvm/TargetParser/Triple.h>

namespace orch::bpf {

namespace {

const char kTriple[] = "x86_64-unknown-linux-gnu";

bool inside(const std::vector<CodePart> &parts, uint64_t address) {
  for (const CodePart &part : parts)
    if (address >= part.address && address < part.address + part.bytes.size())
      return true;
  return false;
}

// The condition code of a jcc: the low nibble of 0x7X (short) or 0x0F 0x8X (near),
// after any prefixes (branch hints, bnd).
uint8_t condition_code(const uint8_t *bytes, size_t size) {
  size_t i = 0;
  while (i < size && (bytes[i] == 0x2e || bytes[i] == 0x3e || bytes[i] == 0xf2 || bytes[i] == 0x66))
    i++;
  if (i < size && (bytes[i] & 0xf0) == 0x70)
    return bytes[i] & 0x0f;
  if (i + 1 < size && bytes[i] == 0x0f && (bytes[i + 1] & 0xf0) == 0x80)
    return bytes[i + 1] & 0x0f;
  throw std::runtime_error("unexpected conditional branch encoding");
}

} // namespace

struct ExitFinder::Impl {
  const llvm::Target *target = nullptr;
  std::unique_ptr<llvm::MCRegisterInfo> registers;
  std::unique_ptr<llvm::MCAsmInfo> asm_info;
  std::unique_ptr<llvm::MCSubtargetInfo> subtarget;
  std::unique_ptr<llvm::MCInstrInfo> instructions;
  std::unique_ptr<llvm::MCContext> context;
  std::unique_ptr<llvm::MCDisassembler> disassembler;
  std::unique_ptr<llvm::MCInstrAnalysis> analysis;
  std::map<unsigned, fs_reg> pt_regs; // LLVM register number -> register the BPF program can read

  // jmp *%reg: which register, if the BPF program can read it.
  bool register_of(unsigned llvm_reg, uint8_t &reg) const {
    auto it = pt_regs.find(llvm_reg);
    if (it == pt_regs.end())
      return false;
    reg = it->second;
    return true;
  }

  // Every instruction of the parts, decoded: visit(inst, desc, address, size,
  // its bytes). Bytes that do not decode (padding, data) are skipped one at a
  // time, to resynchronise on the next.
  template <class Visit> void for_each_instruction(const std::vector<CodePart> &parts, Visit &&visit) const {
    for (const CodePart &part : parts) {
      llvm::ArrayRef<uint8_t> bytes(part.bytes);
      for (uint64_t offset = 0; offset < bytes.size();) {
        llvm::MCInst inst;
        uint64_t size = 0;
        const uint64_t address = part.address + offset;
        auto status = disassembler->getInstruction(inst, size, bytes.slice(offset), address, llvm::nulls());
        if (status != llvm::MCDisassembler::Success || size == 0) {
          offset += 1;
          continue;
        }
        visit(inst, instructions->get(inst.getOpcode()), address, size, bytes.data() + offset);
        offset += size;
      }
    }
  }
};

ExitFinder::ExitFinder() : impl_(std::make_unique<Impl>()) {
  LLVMInitializeX86TargetInfo();
  LLVMInitializeX86TargetMC();
  LLVMInitializeX86Disassembler();
  std::string error;
  Impl &m = *impl_;
  m.target = llvm::TargetRegistry::lookupTarget(kTriple, error);
  if (!m.target)
    throw std::runtime_error("LLVM x86-64 disassembler unavailable: " + error);
  llvm::Triple triple(kTriple);
  m.registers.reset(m.target->createMCRegInfo(kTriple));
  llvm::MCTargetOptions options;
  m.asm_info.reset(m.target->createMCAsmInfo(*m.registers, kTriple, options));
  m.subtarget.reset(m.target->createMCSubtargetInfo(kTriple, "", ""));
  m.instructions.reset(m.target->createMCInstrInfo());
  m.context = std::make_unique<llvm::MCContext>(triple, m.asm_info.get(), m.registers.get(), m.subtarget.get());
  m.disassembler.reset(m.target->createMCDisassembler(*m.subtarget, *m.context));
  m.analysis.reset(m.target->createMCInstrAnalysis(m.instructions.get()));
  if (!m.disassembler || !m.analysis)
    throw std::runtime_error("LLVM x86-64 disassembler unavailable");

  const std::pair<const char *, fs_reg> names[] = {
      {"RAX", FS_REG_RAX}, {"RBX", FS_REG_RBX}, {"RCX", FS_REG_RCX}, {"RDX", FS_REG_RDX},
      {"RSI", FS_REG_RSI}, {"RDI", FS_REG_RDI}, {"RBP", FS_REG_RBP}, {"R8", FS_REG_R8},
      {"R9", FS_REG_R9},   {"R10", FS_REG_R10}, {"R11", FS_REG_R11}, {"R12", FS_REG_R12},
      {"R13", FS_REG_R13}, {"R14", FS_REG_R14}, {"R15", FS_REG_R15}};
  for (unsigned reg = 1; reg < m.registers->getNumRegs(); reg++)
    for (const auto &[name, fs] : names)
      if (std::string(m.registers->getName(reg)) == name)
        m.pt_regs[reg] = fs;
}

ExitFinder::~ExitFinder() = default;

std::vector<ExitInstruction> ExitFinder::find(const std::vector<CodePart> &parts) const {
  const Impl &m = *impl_;
  std::vector<ExitInstruction> exits;
  m.for_each_instruction(parts, [&](const llvm::MCInst &inst, const llvm::MCInstrDesc &desc, uint64_t address,
                                    uint64_t size, const uint8_t *code) {
    ExitInstruction exit{address};
    bool is_exit = false;
    if (desc.isReturn()) {
      is_exit = true;
    } else if (desc.isBranch() && !desc.isIndirectBranch()) {
      uint64_t target = 0;
      if (m.analysis->evaluateBranch(inst, address, size, target) && !inside(parts, target)) {
        is_exit = true;
        if (desc.isConditionalBranch()) {
          exit.kind = FS_EXIT_IF_COND;
          exit.cond = condition_code(code, size);
        }
      }
    } else if (desc.isIndirectBranch()) {
      if (inst.getNumOperands() == 1 && inst.getOperand(0).isReg()) {
        // jmp *%reg: a jump table or a tail call through a pointer; the BPF
        // program decides at run time from the register's value.
        is_exit = m.register_of(inst.getOperand(0).getReg(), exit.reg);
        exit.kind = FS_EXIT_IF_REG_OUT;
      } else if (inst.getNumOperands() >= 5 && inst.getOperand(2).isReg()) {
        // jmp *disp(base, index, scale): with an index it is a jump table;
        // without one it reads a single slot (GOT entry, vtable): a tail call.
        is_exit = inst.getOperand(2).getReg() == 0;
      }
    }
    if (is_exit)
      exits.push_back(exit);
  });
  return exits;
}

std::vector<uint64_t> ExitFinder::direct_targets(const std::vector<CodePart> &parts) const {
  const Impl &m = *impl_;
  std::vector<uint64_t> targets;
  m.for_each_instruction(parts, [&](const llvm::MCInst &inst, const llvm::MCInstrDesc &desc, uint64_t address,
                                    uint64_t size, const uint8_t *) {
    uint64_t target = 0;
    if ((desc.isCall() || (desc.isBranch() && !desc.isIndirectBranch())) &&
        m.analysis->evaluateBranch(inst, address, size, target) && !inside(parts, target))
      targets.push_back(target);
  });
  return targets;
}

} // namespace orch::bpf
