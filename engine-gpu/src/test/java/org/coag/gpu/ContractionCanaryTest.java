package org.coag.gpu;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.coag.core.model.ModelException;
import org.jocl.cl_program;
import org.junit.jupiter.api.Test;

/**
 * The contraction canary: its operands tell a fused multiply-add from two roundings, the device's
 * compiler passes it, and a program built as a contracting compiler would build it is refused.
 */
class ContractionCanaryTest {
    @Test
    void theOperandsTellFusedFromUnfusedInEveryForm() {
        double[] unfused = ContractionCanary.unfused();
        double[] fused = ContractionCanary.fused();
        for (int k = 0; k < unfused.length; k++) {
            assertNotEquals(Double.doubleToRawLongBits(unfused[k]), Double.doubleToRawLongBits(fused[k]), "canary " + k);
        }
    }

    @Test
    void theVerdictAcceptsJavasBitsAndRefusesFusedOrOtherBits() {
        assertNull(ContractionCanary.verdict("dev", ContractionCanary.unfused()));
        String fused = ContractionCanary.verdict("dev", ContractionCanary.fused());
        assertTrue(fused.contains("contracts a*b+c into a fused multiply-add") && !fused.contains("\n"), fused);
        double[] other = ContractionCanary.unfused();
        other[2] = 42;
        String wrong = ContractionCanary.verdict("dev", other);
        assertTrue(wrong.contains("fails the contraction canary") && !wrong.contains("\n"), wrong);
    }

    @Test
    void theDevicesCompilerKeepsTwoRoundings() {
        OpenCl.Device device = OpenClTests.devicesOrSkip().get(0);
        ProgramBuilder cl = new ProgramBuilder(OpenCl.select(Integer.toString(device.info().index())));
        assertDoesNotThrow(() -> cl.program(3));
    }

    @Test
    void aProgramThatFusesIsRefusedWithOneLine() {
        OpenClTests.devicesOrSkip();
        ProgramBuilder cl = new ProgramBuilder(OpenCl.select(null));
        cl_program fused = cl.build(List.of("fused-canary.cl"), 3);
        ModelException e = assertThrows(ModelException.class, () -> ContractionCanary.check(cl, fused));
        assertTrue(e.getMessage().contains("fused multiply-add") && !e.getMessage().contains("\n"), e.getMessage());
        System.out.println(e.getMessage());
    }

    @Test
    void buildOptionsThatChangeResultsAreRefused() {
        System.setProperty(ProgramBuilder.OPTIONS_PROPERTY, "-cl-opt-disable -cl-mad-enable");
        try {
            ModelException e = assertThrows(ModelException.class, () -> ProgramBuilder.options(3));
            assertTrue(e.getMessage().contains("-cl-mad-enable"), e.getMessage());
            System.setProperty(ProgramBuilder.OPTIONS_PROPERTY, "-cl-opt-disable");
            assertTrue(ProgramBuilder.options(3).equals("-DCOAG_DIM=3 -cl-opt-disable"), ProgramBuilder.options(3));
        } finally {
            System.clearProperty(ProgramBuilder.OPTIONS_PROPERTY);
        }
    }
}
