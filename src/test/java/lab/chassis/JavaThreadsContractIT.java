package lab.chassis;

/** The Threads contract against the Java service (v1). */
class JavaThreadsContractIT extends ThreadsContract {

	@Override
	LaunchCommand threadsCommand() {
		return LaunchCommand.of("threads").version("v1");
	}

	@Override
	String runtime() {
		return "java";
	}

}
