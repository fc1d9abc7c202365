package dev.stageport.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stageport.errors.ApiException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.databind.JsonNode;

/**
 * Refuses a JSON body holding a NUL character ({@code \u0000}) in any string, naming where it is.
 * PostgreSQL cannot store NUL in text and fails the statement, which made such a body a 500 on
 * PostgreSQL and stored it on H2. No field of the API needs one, so the answer is a 400 on both.
 * (Query parameters and headers with control characters are refused before this by the firewall.)
 */
@ControllerAdvice
class NulCharacters extends RequestBodyAdviceAdapter {

    private static final int MAX_DEPTH = 64;

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter,
                                Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        where(body, "", 0).ifPresent(at -> {
            throw ApiException.badRequest((at.isEmpty() ? "The body" : "'" + at + "'")
                    + " contains a NUL character (\\u0000), which no text field accepts.");
        });
        return body;
    }

    /** The JSON path of the first string holding a NUL, if any. */
    static Optional<String> where(Object value, String at, int depth) {
        if (value == null || depth > MAX_DEPTH) {
            return Optional.empty();
        }
        if (value instanceof CharSequence text) {
            return text.toString().indexOf('\0') >= 0 ? Optional.of(at) : Optional.empty();
        }
        if (value instanceof JsonNode node) {
            return inTree(node, at, depth);
        }
        if (value instanceof Optional<?> optional) {
            return optional.flatMap(inner -> where(inner, at, depth + 1));
        }
        if (value instanceof Iterable<?> items) {
            int i = 0;
            for (Object item : items) {
                Optional<String> found = where(item, at + "[" + i++ + "]", depth + 1);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                Optional<String> found = where(key, at, depth + 1)
                        .or(() -> where(entry.getValue(), child(at, key), depth + 1));
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        if (value instanceof Record record) {
            return inRecord(record, at, depth);
        }
        return Optional.empty();
    }

    private static Optional<String> inTree(JsonNode node, String at, int depth) {
        if (node.isString()) {
            return where(node.asString(), at, depth);
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> found = inTree(node.get(i), at + "[" + i + "]", depth + 1);
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                Optional<String> found = where(entry.getKey(), at, depth + 1)
                        .or(() -> inTree(entry.getValue(), child(at, entry.getKey()), depth + 1));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> inRecord(Record record, String at, int depth) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object value;
            try {
                component.getAccessor().setAccessible(true);
                value = component.getAccessor().invoke(record);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;   // an accessor that cannot be read holds nothing the body set
            }
            JsonProperty renamed = component.getAnnotation(JsonProperty.class);
            String name = renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
            Optional<String> found = where(value, child(at, name), depth + 1);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static String child(String at, String name) {
        return at.isEmpty() ? name : at + "." + name;
    }
}
