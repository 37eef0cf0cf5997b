package lab.chassis;

/** Entry point of a demo process (placeholder until the chassis lands in this work tree). */
public final class ServiceMain {

	private ServiceMain() {
	}

	public static void main(String[] args) {
		throw new IllegalStateException("the service chassis is not built yet");
	}

}
