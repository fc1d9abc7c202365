package dev.stageport.secrets;

/** A master key that is not base64 of 32 bytes; the message names where it came from. */
public final class InvalidMasterKey extends IllegalStateException {

    InvalidMasterKey(String message) {
        super(message);
    }
}
