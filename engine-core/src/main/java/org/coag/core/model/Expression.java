package org.coag.core.model;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * A formula in the masses n and m, e.g. {@code "2 * (n^(1/3) + m^(1/3)) * (n^(-1/3) + m^(-1/3))"}.
 *
 * <p>Grammar: numbers, {@code n}, {@code m}, {@code + - * / ^} (^ binds tightest and is
 * right-associative), unary minus, parentheses, and the functions {@code sqrt exp log pow min max
 * abs}. Hand-written rather than taken from a library because every value must come from
 * {@link StrictMath}, so a formula gives the same bits on every JVM and in every resumed run.
 */
public final class Expression {
    private final Node root;

    private Expression(Node root) {
        this.root = root;
    }

    /**
     * @param source formula text
     * @return the parsed formula
     * @throws ModelException naming the position of a syntax error
     */
    public static Expression parse(String source) {
        Parser p = new Parser(source);
        Node n = p.sum();
        p.skipSpace();
        if (p.pos != source.length()) {
            throw p.error("unexpected '" + source.charAt(p.pos) + "'");
        }
        return new Expression(n);
    }

    /**
     * @param n first mass
     * @param m second mass
     * @return the formula's value
     */
    public double evaluate(double n, double m) {
        return root.eval(n, m);
    }

    private interface Node {
        double eval(double n, double m);
    }

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        ModelException error(String what) {
            return new ModelException("formula '" + s + "': " + what + " at position " + (pos + 1));
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        boolean eat(char c) {
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        Node sum() {
            Node left = product();
            while (true) {
                if (eat('+')) {
                    left = binary(left, product(), Double::sum);
                } else if (eat('-')) {
                    left = binary(left, product(), (a, b) -> a - b);
                } else {
                    return left;
                }
            }
        }

        Node product() {
            Node left = unary();
            while (true) {
                if (eat('*')) {
                    left = binary(left, unary(), (a, b) -> a * b);
                } else if (eat('/')) {
                    left = binary(left, unary(), (a, b) -> a / b);
                } else {
                    return left;
                }
            }
        }

        Node unary() {
            if (eat('-')) {
                Node inner = unary();
                return (n, m) -> -inner.eval(n, m);
            }
            return power();
        }

        Node power() {
            Node base = atom();
            if (eat('^')) {
                return binary(base, unary(), StrictMath::pow);
            }
            return base;
        }

        Node atom() {
            skipSpace();
            if (pos >= s.length()) {
                throw error("unexpected end");
            }
            char c = s.charAt(pos);
            if (eat('(')) {
                Node inner = sum();
                if (!eat(')')) {
                    throw error("missing ')'");
                }
                return inner;
            }
            if (Character.isDigit(c) || c == '.') {
                return number();
            }
            if (Character.isLetter(c)) {
                return name();
            }
            throw error("unexpected '" + c + "'");
        }

        Node number() {
            int start = pos;
            while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.'
                    || s.charAt(pos) == 'e' || s.charAt(pos) == 'E'
                    || ((s.charAt(pos) == '-' || s.charAt(pos) == '+')
                        && (s.charAt(pos - 1) == 'e' || s.charAt(pos - 1) == 'E')))) {
                pos++;
            }
            try {
                double v = Double.parseDouble(s.substring(start, pos));
                return (n, m) -> v;
            } catch (NumberFormatException e) {
                pos = start;
                throw error("bad number");
            }
        }

        Node name() {
            int start = pos;
            while (pos < s.length() && Character.isLetterOrDigit(s.charAt(pos))) {
                pos++;
            }
            String id = s.substring(start, pos);
            switch (id) {
                case "n":
                    return (n, m) -> n;
                case "m":
                    return (n, m) -> m;
                case "sqrt":
                    return call1(StrictMath::sqrt);
                case "exp":
                    return call1(StrictMath::exp);
                case "log":
                    return call1(StrictMath::log);
                case "abs":
                    return call1(StrictMath::abs);
                case "pow":
                    return call2(StrictMath::pow);
                case "min":
                    return call2(StrictMath::min);
                case "max":
                    return call2(StrictMath::max);
                default:
                    pos = start;
                    throw error("unknown name '" + id + "' (use n, m, sqrt, exp, log, abs, pow, min, max)");
            }
        }

        Node call1(DoubleUnaryOperator f) {
            if (!eat('(')) {
                throw error("expected '('");
            }
            Node a = sum();
            if (!eat(')')) {
                throw error("missing ')'");
            }
            return (n, m) -> f.applyAsDouble(a.eval(n, m));
        }

        Node call2(DoubleBinaryOperator f) {
            if (!eat('(')) {
                throw error("expected '('");
            }
            Node a = sum();
            if (!eat(',')) {
                throw error("expected ','");
            }
            Node b = sum();
            if (!eat(')')) {
                throw error("missing ')'");
            }
            return binary(a, b, f);
        }

        static Node binary(Node a, Node b, DoubleBinaryOperator f) {
            return (n, m) -> f.applyAsDouble(a.eval(n, m), b.eval(n, m));
        }
    }
}
