package dev.stageport.secrets;

/** A sealed value that the master key cannot open: the key differs from the one that sealed it. */
public final class WrongMasterKey extends IllegalStateException {

    WrongMasterKey(Throwable cause) {
        super("A stored secret could not be decrypted: wrong master key?", cause);
    }
}
