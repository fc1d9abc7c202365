package dev.stageport.assets;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A multipart/form-data body for POST /assets: an optional creationRequest JSON part and the assetFile part. */
final class Multipart {

    final String boundary = "b" + UUID.randomUUID().toString().replace("-", "");
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    Multipart json(String name, String json) {
        return part(name, null, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** A text part without a Content-Type header, as curl -F 'name=value' sends it. */
    Multipart untyped(String name, String value) {
        return part(name, null, null, value.getBytes(StandardCharsets.UTF_8));
    }

    Multipart file(String name, byte[] content) {
        return part(name, "bundle.zip", "application/octet-stream", content);
    }

    byte[] bytes() {
        write("--" + boundary + "--\r\n");
        return out.toByteArray();
    }

    private Multipart part(String name, String filename, String type, byte[] content) {
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (filename == null ? "" : "; filename=\"" + filename + "\"")
                + (type == null ? "" : "\r\nContent-Type: " + type) + "\r\n\r\n");
        out.writeBytes(content);
        write("\r\n");
        return this;
    }

    private void write(String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
