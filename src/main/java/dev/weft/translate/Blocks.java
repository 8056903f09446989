package dev.weft.translate;

import static dev.weft.translate.Operands.CONST;
import static dev.weft.translate.Operands.LOCAL;

import dev.weft.FunctionType;
import dev.weft.ValueType;
import dev.weft.code.InstructionDecoder;
import dev.weft.code.Opcodes;
import dev.weft.decode.DecodedModule;
import dev.weft.decode.TypeCodes;

/**
 * The translator's fourth layer: block structure. {@code block}, {@code loop} and {@code if}
 * open a {@link Controls} frame; {@code else} and {@code end} close arms and frames, moving the
 * results into the frame's slots where paths merge and binding the branches that wait for the
 * end. Unreachable code is read only for its structure ({@link #skipDepth}).
 */
abstract sealed class Blocks extends Branches permits Numeric {
    private static final FunctionType EMPTY_BLOCK = FunctionType.of(new ValueType[0], new ValueType[0]);
    private static final FunctionType[] SINGLE_RESULT = new FunctionType[ValueType.values().length];

    static {
        for (ValueType t : ValueType.values()) {
            SINGLE_RESULT[t.ordinal()] = FunctionType.of(new ValueType[0], new ValueType[] {t});
        }
    }

    /** Nesting depth of blocks opened inside unreachable code being skipped. */
    int skipDepth;

    Blocks(DecodedModule module) {
        super(module);
    }

    @Override
    public final void unreachable() {
        if (skipped()) {
            return;
        }
        note(out.unreachable(), Opcodes.UNREACHABLE);
        setUnreachable();
    }

    @Override
    public final void block(int blockType) {
        if (skipped()) {
            skipDepth++;
            return;
        }
        enterBlock(Controls.BLOCK, blockType(blockType));
    }

    @Override
    public final void loop(int blockType) {
        if (skipped()) {
            skipDepth++;
            return;
        }
        enterBlock(Controls.LOOP, blockType(blockType));
    }

    @Override
    public final void if_(int blockType) {
        if (skipped()) {
            skipDepth++;
            return;
        }
        enterIf(blockType(blockType));
    }

    @Override
    public final void else_() {
        wasmInstructions++;
        if (!dead) {
            emit.readWasm();
            enterElse();
        } else if (skipDepth == 0) {
            enterElse(); // the arm that ended unreachable closes; the else arm is reachable
        }
    }

    @Override
    public final void end() {
        wasmInstructions++;
        if (!dead) {
            emit.readWasm();
            endBlock();
        } else if (skipDepth == 0) {
            endBlock();
        } else {
            skipDepth--;
        }
    }

    private FunctionType blockType(int code) {
        if (code == TypeCodes.BLOCK_EMPTY) {
            return EMPTY_BLOCK;
        }
        if (TypeCodes.isBlockTypeIndex(code)) {
            return module.types[TypeCodes.blockTypeIndex(code)];
        }
        return SINGLE_RESULT[ValueType.fromCode(code & 0xFF).ordinal()];
    }

    private void enterBlock(byte kind, FunctionType type) {
        materializeLocals();
        int params = type.paramCount();
        int base = stack.height - params;
        if (kind == Controls.LOOP) {
            for (int i = 0; i < params; i++) {
                materialize(base + i);
            }
        }
        int f = controls.push(kind, base, type);
        if (kind == Controls.LOOP) {
            // what led here runs once: not with the loop's first instruction, which may run per iteration
            controls.carriedWasm[f] = emit.attributeToLast() ? 0 : emit.pendingWasm();
            controls.wasmStart[f] = wasmInstructions;
            controls.start[f] = out.position();
            emit.labelAt = out.position();
            last.forget();
        }
    }

    private void enterIf(FunctionType type) {
        // The condition is popped first so that a comparison right before can fuse into the branch;
        // locals below are made temporaries before the branch, so both arms see the same stack.
        // (Any move emitted here ends the fusion: the branch then tests the comparison's result slot.)
        int cond = stack.top();
        int params = type.paramCount();
        int base = cond - params;
        if (stack.localEntries() > 0 || params > 0) {
            for (int h = 0; h < cond; h++) {
                if (stack.kind(h) == LOCAL || (h >= base && stack.kind(h) == CONST)) {
                    materialize(h);
                }
            }
        }
        int pc = conditionalJump(false);
        int f = controls.push(Controls.IF, base, type);
        if (pc == ALWAYS) {
            int j = note(out.br(0), Opcodes.BR);
            controls.elseFixups[f] = fixups.add(Fixups.NONE, j + InstructionDecoder.Jump.OFF_AT, j);
        } else if (pc != NEVER) {
            controls.elseFixups[f] = fixups.add(Fixups.NONE, pendingField, pc);
        }
    }

    private void enterElse() {
        int f = controls.top();
        if (!controls.unreachable[f]) {
            moveTop(controls.type[f].resultCount(), controls.height[f]);
            jump(f);
        }
        controls.branched[f] = true;
        bind(controls.elseFixups[f]);
        controls.elseFixups[f] = Fixups.NONE;
        controls.kind[f] = Controls.ELSE;
        controls.unreachable[f] = false;
        dead = false;
        stack.truncate(controls.height[f]);
        FunctionType t = controls.type[f];
        for (int i = 0; i < t.paramCount(); i++) {
            stack.pushTemp(t.param(i));
        }
    }

    private void endBlock() {
        int f = controls.top();
        byte kind = controls.kind[f];
        FunctionType t = controls.type[f];
        int results = t.resultCount();
        int base = controls.height[f];
        if (kind == Controls.FUNC) {
            if (!controls.unreachable[f]) {
                emitReturn();
            }
            controls.depth--;
            return;
        }
        boolean merge = kind == Controls.IF || kind == Controls.ELSE || (kind == Controls.BLOCK && controls.branched[f]);
        if (!controls.unreachable[f] && merge) {
            moveTop(results, base);
        }
        if (kind == Controls.IF) {
            bind(controls.elseFixups[f]); // no else arm: the false edge arrives here with the parameters as results
        }
        if (kind != Controls.LOOP) {
            bind(controls.endFixups[f]);
        } else {
            int cost = fuelCost(wasmInstructions - controls.wasmStart[f]);
            loopCost(controls.start[f], cost);
            if (controls.bodyStart[f] >= 0) {
                loopCost(controls.bodyStart[f], cost);
            }
        }
        if (controls.unreachable[f] || merge) {
            stack.truncate(base);
            for (int i = 0; i < results; i++) {
                stack.pushTemp(t.result(i));
            }
        }
        controls.depth--;
        dead = controls.unreachable[controls.top()];
    }

    /** Records a loop's cost by the offset its back-edges jump to. */
    private void loopCost(int target, int cost) {
        if (loopCount + 2 > loops.length) {
            loops = java.util.Arrays.copyOf(loops, loops.length * 2);
        }
        loops[loopCount++] = target;
        loops[loopCount++] = cost;
    }

    /** Fuel of a function call or loop iteration: its count of WebAssembly instructions, at least 1. */
    static int fuelCost(long instructions) {
        return Math.clamp(instructions, 1, Integer.MAX_VALUE);
    }
}
