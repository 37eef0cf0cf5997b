package lab.fleet;

/** A service of a topology, such as microservices/payments or monolith/monolith. */
public record ServiceId(Topology topology, String name) {

	@Override
	public String toString() {
		return this.topology.id() + "/" + this.name;
	}

}
