package org.coag.core.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * The JSON every coag output is written with: indented, and a number that is not finite (NaN,
 * infinity) written as {@code null}, never as the string "NaN" that Jackson writes by default and
 * that a reader then takes for text. A value that cannot be computed is null, and the writer says
 * why in a field beside it. Read back through this mapper, such a null is NaN again (for double
 * fields and double arrays), so a value that was undefined stays undefined, never 0.
 */
public final class Json {
    /** The mapper for outputs. */
    public static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .registerModule(new SimpleModule("finite-numbers")
                    .addSerializer(Double.class, new FiniteDouble())
                    .addSerializer(double.class, new FiniteDouble())
                    .addSerializer(double[].class, new FiniteDoubles())
                    .addDeserializer(Double.class, new NanForNull())
                    .addDeserializer(double.class, new NanForNull())
                    .addDeserializer(double[].class, new NansForNulls()));

    private Json() {
    }

    private static final class FiniteDouble extends StdSerializer<Double> {
        FiniteDouble() {
            super(Double.class);
        }

        @Override
        public void serialize(Double v, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (Double.isFinite(v)) {
                gen.writeNumber(v);
            } else {
                gen.writeNull();
            }
        }
    }

    private static final class NanForNull extends StdDeserializer<Double> {
        NanForNull() {
            super(Double.class);
        }

        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            return p.getValueAsDouble(Double.NaN);
        }

        @Override
        public Double getNullValue(DeserializationContext ctx) {
            return Double.NaN;
        }
    }

    private static final class NansForNulls extends StdDeserializer<double[]> {
        NansForNulls() {
            super(double[].class);
        }

        @Override
        public double[] deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            if (!p.isExpectedStartArrayToken()) {
                return (double[]) ctx.handleUnexpectedToken(double[].class, p);
            }
            double[] v = new double[16];
            int n = 0;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (n == v.length) {
                    v = java.util.Arrays.copyOf(v, 2 * n);
                }
                v[n++] = t == JsonToken.VALUE_NULL ? Double.NaN : p.getValueAsDouble(Double.NaN);
            }
            return java.util.Arrays.copyOf(v, n);
        }
    }

    private static final class FiniteDoubles extends StdSerializer<double[]> {
        FiniteDoubles() {
            super(double[].class);
        }

        @Override
        public void serialize(double[] v, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartArray(v, v.length);
            for (double x : v) {
                if (Double.isFinite(x)) {
                    gen.writeNumber(x);
                } else {
                    gen.writeNull();
                }
            }
            gen.writeEndArray();
        }
    }
}
