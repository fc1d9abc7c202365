package dev.stageport.cli;

public class StageportCli {
    public static void main(String[] args) {
    }
}
