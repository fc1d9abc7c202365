package dev.stageport.configschema;

/** The ODC DataType enum: the type of a configuration value. */
public enum DataType {
    Text, Integer, LongInteger, Decimal, Boolean, DateTime, Date, Time, PhoneNumber, Email, Currency,
    EntityIdentifierType, BinaryUrl
}
