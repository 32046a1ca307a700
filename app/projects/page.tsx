export default function Projects() { return <p>projects placeholder</p>; }
