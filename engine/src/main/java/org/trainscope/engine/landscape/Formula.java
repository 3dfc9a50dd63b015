package org.trainscope.engine.landscape;

import java.util.List;
import java.util.Locale;

/**
 * A landscape f(x₁, x₂) as a lecturer types it, e.g. {@code x1^4 - x1^2 + x2^2 + 0.3*x1*x2}: numbers, {@code x1},
 * {@code x2}, {@code pi}, {@code e}, {@code + - * / ^} (^ binds right, tighter than a leading minus: −x^2 = −(x²)),
 * parentheses and {@code sin cos tan exp log sqrt tanh}. Parsed once by recursive descent into a tree; evaluated on
 * {@link Jet}s, so that the value, gradient and Hessian come together by forward-mode differentiation. A formula that
 * does not parse is refused with the position (1-based) of the first character that does not fit.
 */
public final class Formula {
    /** Thrown for a formula that does not parse: the message says what and where. */
    public static final class SyntaxException extends IllegalArgumentException {
        private final int position;

        SyntaxException(String message, int position) {
            super(message + " at position " + position);
            this.position = position;
        }

        /** 1-based position of the offending character (length + 1 at the end). */
        public int position() {
            return position;
        }
    }

    private interface Node {
        Jet eval(Jet x1, Jet x2);
    }

    private static final List<String> FUNCTIONS = List.of("sin", "cos", "tan", "exp", "log", "sqrt", "tanh");

    private final String text;
    private final Node root;

    private Formula(String text, Node root) {
        this.text = text;
        this.root = root;
    }

    /** Parses {@code text}; throws {@link SyntaxException} with the position of the error. */
    public static Formula parse(String text) {
        Parser p = new Parser(text);
        Node n = p.expression();
        p.skipSpace();
        if (p.at < text.length()) {
            throw new SyntaxException("unexpected '" + text.charAt(p.at) + "'", p.at + 1);
        }
        return new Formula(text.trim(), n);
    }

    public String text() {
        return text;
    }

    /** f, ∇f and ∇²f at (x₁, x₂). */
    Jet at(double x1, double x2) {
        return root.eval(Jet.variable(1, x1), Jet.variable(2, x2));
    }

    public double value(double x1, double x2) {
        return at(x1, x2).v();
    }

    private static final class Parser {
        final String s;
        int at;

        Parser(String s) {
            this.s = s;
        }

        void skipSpace() {
            while (at < s.length() && Character.isWhitespace(s.charAt(at))) {
                at++;
            }
        }

        boolean eat(char c) {
            skipSpace();
            if (at < s.length() && s.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        SyntaxException error(String what) {
            skipSpace();
            return at >= s.length() ? new SyntaxException(what + ": the formula ends too soon", s.length() + 1)
                    : new SyntaxException(what + ", found '" + s.charAt(at) + "'", at + 1);
        }

        /** expression := term (('+' | '-') term)* */
        Node expression() {
            Node left = term();
            while (true) {
                if (eat('+')) {
                    Node a = left;
                    Node b = term();
                    left = (x, y) -> a.eval(x, y).plus(b.eval(x, y));
                } else if (eat('-')) {
                    Node a = left;
                    Node b = term();
                    left = (x, y) -> a.eval(x, y).minus(b.eval(x, y));
                } else {
                    return left;
                }
            }
        }

        /** term := unary (('*' | '/') unary)* */
        Node term() {
            Node left = unary();
            while (true) {
                if (eat('*')) {
                    Node a = left;
                    Node b = unary();
                    left = (x, y) -> a.eval(x, y).times(b.eval(x, y));
                } else if (eat('/')) {
                    Node a = left;
                    Node b = unary();
                    left = (x, y) -> a.eval(x, y).dividedBy(b.eval(x, y));
                } else {
                    return left;
                }
            }
        }

        /** unary := ('-' | '+') unary | power */
        Node unary() {
            if (eat('-')) {
                Node a = unary();
                return (x, y) -> Jet.constant(0).minus(a.eval(x, y));
            }
            if (eat('+')) {
                return unary();
            }
            return power();
        }

        /** power := atom ('^' unary)? — right-associative: 2^3^2 = 2^9 */
        Node power() {
            Node base = atom();
            if (eat('^')) {
                Node exponent = unary();
                return (x, y) -> base.eval(x, y).pow(exponent.eval(x, y));
            }
            return base;
        }

        /** atom := number | x1 | x2 | pi | e | function '(' expression ')' | '(' expression ')' */
        Node atom() {
            skipSpace();
            if (eat('(')) {
                Node inner = expression();
                if (!eat(')')) {
                    throw error("expected ')'");
                }
                return inner;
            }
            int start = at;
            if (at < s.length() && (Character.isDigit(s.charAt(at)) || s.charAt(at) == '.')) {
                while (at < s.length() && (Character.isDigit(s.charAt(at)) || s.charAt(at) == '.')) {
                    at++;
                }
                if (at < s.length() && (s.charAt(at) == 'e' || s.charAt(at) == 'E') && at + 1 < s.length()
                        && (Character.isDigit(s.charAt(at + 1)) || s.charAt(at + 1) == '-' || s.charAt(at + 1) == '+')) {
                    at += 2;
                    while (at < s.length() && Character.isDigit(s.charAt(at))) {
                        at++;
                    }
                }
                double c;
                try {
                    c = Double.parseDouble(s.substring(start, at));
                } catch (NumberFormatException e) {
                    throw new SyntaxException("'" + s.substring(start, at) + "' is not a number", start + 1);
                }
                Jet k = Jet.constant(c);
                return (x, y) -> k;
            }
            while (at < s.length() && Character.isLetterOrDigit(s.charAt(at))) {
                at++;
            }
            String name = s.substring(start, at).toLowerCase(Locale.ROOT);
            switch (name) {
                case "x1":
                    return (x, y) -> x;
                case "x2":
                    return (x, y) -> y;
                case "pi":
                    return (x, y) -> Jet.constant(Math.PI);
                case "e":
                    return (x, y) -> Jet.constant(Math.E);
                case "":
                    at = start;
                    throw error("expected a number, x1, x2, a function or '('");
                default:
                    break;
            }
            if (!FUNCTIONS.contains(name)) {
                throw new SyntaxException("unknown name '" + name + "' (known: x1, x2, pi, e, "
                        + String.join(", ", FUNCTIONS) + ")", start + 1);
            }
            if (!eat('(')) {
                throw error("expected '(' after " + name);
            }
            Node arg = expression();
            if (!eat(')')) {
                throw error("expected ')'");
            }
            return function(name, arg);
        }

        private static Node function(String name, Node arg) {
            return (x, y) -> {
                Jet a = arg.eval(x, y);
                double v = a.v();
                return switch (name) {
                    case "sin" -> a.apply(Math.sin(v), Math.cos(v), -Math.sin(v));
                    case "cos" -> a.apply(Math.cos(v), -Math.sin(v), -Math.cos(v));
                    case "tan" -> {
                        double t = Math.tan(v);
                        yield a.apply(t, 1 + t * t, 2 * t * (1 + t * t));
                    }
                    case "exp" -> a.apply(Math.exp(v), Math.exp(v), Math.exp(v));
                    case "log" -> a.apply(Math.log(v), 1 / v, -1 / (v * v));
                    case "sqrt" -> a.apply(Math.sqrt(v), 0.5 / Math.sqrt(v), -0.25 / (v * Math.sqrt(v)));
                    default -> {
                        double t = Math.tanh(v);
                        yield a.apply(t, 1 - t * t, -2 * t * (1 - t * t));
                    }
                };
            };
        }
    }
}
