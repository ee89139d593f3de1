import { migrate } from '/work/main/bench/herald';
void migrate(process.argv[2]!).then(() => console.log('ok'));
