package org.coag.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExpressionTest {
    private static double eval(String f, double n, double m) {
        return Expression.parse(f).evaluate(n, m);
    }

    @Test
    void precedenceAssociativityAndFunctions() {
        assertEquals(7.0, eval("1 + 2 * 3", 0, 0));
        assertEquals(9.0, eval("(1 + 2) * 3", 0, 0));
        assertEquals(512.0, eval("2 ^ 3 ^ 2", 0, 0), "^ is right-associative");
        assertEquals(-4.0, eval("-2 ^ 2", 0, 0), "unary minus binds looser than ^");
        assertEquals(0.25, eval("2 ^ -2", 0, 0));
        assertEquals(2.0, eval("8 / 2 / 2", 0, 0), "/ is left-associative");
        assertEquals(1.5e-3, eval("1.5e-3", 0, 0));
        assertEquals(5.0, eval("n + m", 2, 3));
        assertEquals(StrictMath.pow(2, 1.0 / 3) + StrictMath.pow(3, 1.0 / 3), eval("n^(1/3) + m^(1/3)", 2, 3));
        assertEquals(3.0, eval("max(n, m)", 2, 3));
        assertEquals(2.0, eval("min(n, m)", 2, 3));
        assertEquals(StrictMath.sqrt(6), eval("sqrt(n * m)", 2, 3));
        assertEquals(StrictMath.exp(1) * StrictMath.log(3), eval("exp(1) * log(m)", 2, 3));
        assertEquals(8.0, eval("pow(n, m)", 2, 3));
        assertEquals(1.0, eval("abs(n - m)", 2, 3));
    }

    @Test
    void syntaxErrorsNameThePosition() {
        for (String bad : new String[] {"n +", "(n", "n m", "foo(n)", "2 ** 3", "sqrt n", "max(n)", ""}) {
            ModelException e = assertThrows(ModelException.class, () -> Expression.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("formula '" + bad + "'"), e.getMessage());
        }
    }
}
